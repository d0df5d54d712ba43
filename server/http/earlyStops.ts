import type { Encoder } from "@trpc/server/adapters/ws";
import type { WebSocket } from "ws";

type Message = { id?: unknown; method?: string; result?: { type?: string }; error?: unknown };

/**
 * tRPC's WebSocket adapter registers a subscription only once its procedure has returned (after the context, the
 * middlewares and the input), and ignores a `subscription.stop` for an id it does not know yet: a client that
 * subscribes and stops at once leaves the subscription running until the socket closes (issue 13, item 6).
 * This encoder, one per connection, sees both directions: a stop that arrives before its subscription is
 * registered is held, and handed to the adapter again right after the adapter announces `started`.
 */
export function deliverEarlyStops(ws: WebSocket, inner: Encoder): Encoder {
  // Subscriptions asked for and not yet started, each with whether its stop already came; null while there are
  // none, which is almost always: a connection lives for as long as a diner watches.
  let starting: Map<unknown, boolean> | null = null;
  return {
    decode(data) {
      const decoded = inner.decode(data) as Message | Message[];
      for (const message of Array.isArray(decoded) ? decoded : [decoded]) {
        if (message?.method === "subscription") (starting ??= new Map()).set(message.id, false);
        else if (message?.method === "subscription.stop" && starting?.has(message.id)) starting.set(message.id, true);
      }
      return decoded;
    },
    encode(data) {
      const message = data as Message;
      if (message && starting?.has(message.id)) {
        const stopNow = message.result?.type === "started" && starting.get(message.id) === true;
        if (message.result?.type === "started" || message.error !== undefined) {
          starting.delete(message.id);
          if (starting.size === 0) starting = null;
        }
        if (stopNow) {
          const stop = Buffer.from(JSON.stringify({ id: message.id, method: "subscription.stop" }));
          queueMicrotask(() => ws.emit("message", stop, false));
        }
      }
      return inner.encode(data);
    },
  };
}
