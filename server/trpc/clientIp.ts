import type { IncomingMessage } from "node:http";

/**
 * The address a request came from. Behind a reverse proxy (TRUST_PROXY=true) that is the proxy's last
 * X-Forwarded-For entry, the one it appended itself; a client cannot forge that, unlike the first entry.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const socketIp = req.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return socketIp;
  const forwarded = req.headers["x-forwarded-for"];
  const entries = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  return entries.at(-1) ?? socketIp;
}
