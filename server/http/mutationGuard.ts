import type { IncomingMessage } from "node:http";

/**
 * Cross-site request forgery guard for tRPC mutations: a browser form cannot post JSON, and a browser always
 * names the page's origin on a cross-site POST. Returns why the request is refused, or null when it may pass.
 */
export function refuseMutation(req: IncomingMessage, publicUrl?: string): { status: number; message: string } | null {
  if (req.method !== "POST") return null;
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.startsWith("application/json")) return { status: 415, message: "mutations accept application/json only" };
  const origin = req.headers.origin;
  if (origin === undefined) return null; // not a browser (a script or a server): no ambient cookies to abuse
  const allowed = publicUrl ? new URL(publicUrl).host : req.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { status: 403, message: "bad Origin" };
  }
  return originHost === allowed ? null : { status: 403, message: "cross-site request refused" };
}
