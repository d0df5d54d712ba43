/**
 * Where to go after signing in: the page that asked for it, given as `?next=`. Only a path on this site is taken
 * (never another origin, "//host" or a backslash trick); anything else goes to the dashboard.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/owner"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  try {
    const base = "https://tableside.invalid";
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
