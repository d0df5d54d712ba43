/** One hash of every source the build is made from, by path and content. */
export function sourcesHash(root?: string): string;
/** Whether .next/ holds a finished build of exactly these sources. */
export function buildIsCurrent(root?: string, hash?: string): boolean;
/** Runs `next build` unless the last build was made from these very sources. Returns whether it built. */
export function buildIfChanged(options?: { root?: string; log?: (line: string) => void; stdio?: "inherit" | "pipe" }): boolean;
