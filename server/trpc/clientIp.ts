import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyAddr from "proxy-addr";
import type { RequestHead } from "./requestHead";

/** Which peers may say, in X-Forwarded-For, whom they forward for: null trusts none (the socket's address counts). */
export type TrustedProxies = ((address: string, hop: number) => boolean) | null;

/**
 * TRUST_PROXY as a list of proxy addresses and CIDRs (or proxy-addr's names `loopback`, `linklocal`,
 * `uniquelocal`). `true` is refused: trusting every hop lets any client write its own address.
 */
export function trustedProxies(list: string | undefined): TrustedProxies {
  const entries = (list ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0 || (entries.length === 1 && entries[0] === "false")) return null;
  if (entries.includes("true")) throw new Error("TRUST_PROXY=true would believe any client's X-Forwarded-For: list your proxies' addresses or CIDRs instead");
  return proxyAddr.compile(entries);
}

/**
 * The address a request came from: the socket's peer, or, when that peer is a trusted proxy, the nearest
 * X-Forwarded-For entry not itself a trusted proxy (proxy-addr walks the chain from the socket inwards).
 */
export function clientIp(req: RequestHead, trust: TrustedProxies): string {
  const socketIp = req.socket.remoteAddress ?? "unknown";
  if (!trust) return socketIp;
  try {
    return proxyAddr(req as IncomingMessage, trust); // it reads the X-Forwarded-For header and the socket's address only
  } catch {
    return socketIp;
  }
}

/**
 * The key rate limits and socket bounds count per: an IPv4 address as is, an IPv6 address by its /64 (one
 * subscriber line or host gets a whole /64, so per-/128 keys would be free for the taking).
 */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const parsed = ipaddr.process(ip); // an IPv4-mapped IPv6 address becomes its IPv4 address
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(":")}::/64`;
}

/** Whether an address is this host's (127.0.0.0/8, ::1, or IPv4-mapped loopback). */
export function isLoopback(ip: string): boolean {
  return ipaddr.isValid(ip) && ipaddr.process(ip).range() === "loopback";
}
