import type { ServerResponse } from "node:http";
import { parse, serialize, type SerializeOptions } from "cookie";
import type { TrustedProxies } from "./clientIp";
import type { RequestHead } from "./requestHead";

export function readCookies(req: Pick<RequestHead, "headers">): Record<string, string | undefined> {
  return req.headers.cookie ? parse(req.headers.cookie) : {};
}

/**
 * Whether the browser reached us over HTTPS: PUBLIC_URL says so (the deployment's own word), or TLS ends in
 * this process, or a trusted proxy (TRUST_PROXY) says so in X-Forwarded-Proto. The header from anyone else
 * counts for nothing: a client could otherwise ask for its cookies without `Secure`.
 */
export function servedOverHttps(req: RequestHead, publicUrl: string | undefined, trust: TrustedProxies): boolean {
  if (publicUrl?.startsWith("https:")) return true;
  if (req.socket.encrypted === true) return true;
  const peer = req.socket.remoteAddress;
  return trust !== null && peer !== undefined && trust(peer, 0) && req.headers["x-forwarded-proto"] === "https";
}

/**
 * Sets a cookie the browser's scripts cannot read, `Secure` when the site is served over HTTPS; SameSite=Lax
 * keeps it off cross-site form posts.
 */
export function setCookie(ctx: { res: ServerResponse | null; https: boolean }, name: string, value: string, options: SerializeOptions = {}) {
  ctx.res?.appendHeader("Set-Cookie", serialize(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: ctx.https, ...options }));
}
