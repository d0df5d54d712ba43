import type { IncomingMessage } from "node:http";

export type Refusal = { status: number; message: string };

/**
 * Cross-site request forgery guard for tRPC mutations: a browser form cannot post JSON, and a browser always
 * names the page's origin on a cross-site POST. Returns why the request is refused, or null when it may pass.
 */
export function refuseMutation(req: IncomingMessage, publicUrl?: string): Refusal | null {
  if (req.method !== "POST") return null;
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.startsWith("application/json")) return { status: 415, message: "mutations accept application/json only" };
  return refuseCrossSite(req, publicUrl);
}

/**
 * The Origin check alone, shared by mutations over HTTP and the WebSocket upgrade (a browser names the page's
 * origin on every upgrade, and the socket then carries the page's cookies: without this, any site could drive
 * an owner's session over it). No Origin: not a browser, so no ambient cookies to abuse.
 */
export function refuseCrossSite(req: IncomingMessage, publicUrl?: string): Refusal | null {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  const allowed = publicUrl ? new URL(publicUrl).host : req.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { status: 403, message: "bad Origin" };
  }
  return originHost === allowed ? null : { status: 403, message: "cross-site request refused" };
}
