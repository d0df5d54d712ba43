import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Services } from "../services";
import { addressKey, clientIp } from "./clientIp";
import { readCookies, servedOverHttps } from "./cookies";
import type { RequestHead } from "./requestHead";
import type { SubscriptionSlots } from "./subscriptionSlots";

/**
 * Built per HTTP request and once per WebSocket connection. Over WebSocket there is no response to set cookies
 * on, so procedures that may need to issue a cookie run over HTTP; subscriptions run only over WebSocket, where
 * the connection's `subscriptions` bound them (null over HTTP). `ip` is the key limits count per (IPv6: its /64).
 * `requestId` names the request (or the connection) in the logs: an error is logged with it, and it is what a
 * client may be shown to quote.
 */
export function createContextFactory(services: Services) {
  return ({ req, res, subscriptions }: { req: RequestHead; res?: ServerResponse; subscriptions?: SubscriptionSlots }) => ({
    services,
    req,
    res: res ?? null,
    subscriptions: subscriptions ?? null,
    cookies: readCookies(req),
    /** Cookies set in this request's response are `Secure` (cookies.ts). */
    https: servedOverHttps(req, services.publicUrl, services.trustProxy),
    ip: addressKey(clientIp(req, services.trustProxy)),
    requestId: newRequestId(),
  });
}

/**
 * A new request id, flat: randomUUID returns a rope of its 16 bytes' hex pairs (~500 bytes of heap), and a WebSocket
 * connection keeps its context, and this id, for as long as a diner watches (docs/adr/0031).
 */
function newRequestId(): string {
  const id = randomUUID();
  id.charCodeAt(0); // reading a character makes V8 flatten the rope in place (~80 bytes)
  return id;
}

export type Context = ReturnType<ReturnType<typeof createContextFactory>>;
