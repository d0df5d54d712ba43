import type { Encoder } from "@trpc/server/adapters/ws";
import type { WebSocket } from "ws";
import { directDeliveryOffer } from "../live/directDelivery";
import type { LiveUpdate } from "../live/messages";
import { type DataMessage, isDataMessage, payloadOf } from "./sharedFrames";

/**
 * One connection's encoder taking up a live subscription's offer of direct delivery (live/directDelivery.ts): when
 * tRPC writes the subscription's first update, later updates are framed here, as tRPC frames a tracked event of
 * that subscription (its id and jsonrpc, the event id inside the data and beside it), through the same inner encoder
 * (so one frame per update and envelope is shared by every socket), and written to the socket at once.
 */
export function acceptingDirectDelivery(ws: WebSocket, inner: Encoder): Encoder {
  return {
    // Methods, not arrows: one encoder per connection, and tsx's keepNames names each arrow (ADR 0031).
    decode(data) {
      return inner.decode(data);
    },
    encode(data) {
      const frame = inner.encode(data);
      const offer = isDataMessage(data) ? directDeliveryOffer(payloadOf(data)) : undefined;
      if (offer) {
        const { id, jsonrpc } = data as DataMessage;
        offer.accept((update: LiveUpdate) => {
          const eventId = offer.eventIdOf(update);
          // Keys in tRPC's order (it adds the event id last), so a frame is byte for byte what tRPC would send.
          ws.send(inner.encode({ id, jsonrpc, result: { type: "data", data: { id: eventId, data: update }, id: eventId } }));
        });
      }
      return frame;
    },
  };
}
