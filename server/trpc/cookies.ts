import type { IncomingMessage, ServerResponse } from "node:http";
import { parse, serialize, type SerializeOptions } from "cookie";

export function readCookies(req: IncomingMessage): Record<string, string | undefined> {
  return req.headers.cookie ? parse(req.headers.cookie) : {};
}

/**
 * Sets a cookie the browser's scripts cannot read. Secure when the request came over HTTPS (directly or through a
 * proxy that says so); SameSite=Lax keeps it off cross-site form posts.
 */
export function setCookie(req: IncomingMessage, res: ServerResponse, name: string, value: string, options: SerializeOptions = {}) {
  const secure = req.headers["x-forwarded-proto"] === "https" || (req.socket as { encrypted?: boolean }).encrypted === true;
  res.appendHeader("Set-Cookie", serialize(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, ...options }));
}
