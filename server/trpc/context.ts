import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../services";
import { clientIp } from "./clientIp";
import { readCookies } from "./cookies";

/**
 * Built per HTTP request and once per WebSocket connection. Over WebSocket there is no response to set cookies
 * on, so procedures that may need to issue a cookie run over HTTP. `requestId` names the request (or the
 * connection) in the logs: an error is logged with it, and it is what a client may be shown to quote.
 */
export function createContextFactory(services: Services) {
  return ({ req, res }: { req: IncomingMessage; res?: ServerResponse }) => ({
    services,
    req,
    res: res ?? null,
    cookies: readCookies(req),
    ip: clientIp(req, services.trustProxy),
    requestId: randomUUID(),
  });
}

export type Context = ReturnType<ReturnType<typeof createContextFactory>>;
