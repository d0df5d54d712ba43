/**
 * Whether a phone on the restaurant's Wi-Fi could open a link: not when it names the machine it was made on
 * (localhost, 127.x, ::1), which on a phone is the phone itself.
 */
export function reachableFromPhones(url: string): boolean {
  const { hostname } = new URL(url);
  return !(hostname === "localhost" || hostname.endsWith(".localhost") || hostname.startsWith("127.") || hostname === "[::1]" || hostname === "0.0.0.0");
}
