import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIp } from "../http/clientIp";
import { readCookies } from "../http/cookies";
import type { Services } from "../services";

/**
 * Built per HTTP request and once per WebSocket connection. Over WebSocket there is no response to set cookies
 * on, so procedures that may need to issue a cookie run over HTTP.
 */
export function createContextFactory(services: Services) {
  return ({ req, res }: { req: IncomingMessage; res?: ServerResponse }) => ({
    services,
    req,
    res: res ?? null,
    cookies: readCookies(req),
    ip: clientIp(req, services.trustProxy),
  });
}

export type Context = ReturnType<ReturnType<typeof createContextFactory>>;
