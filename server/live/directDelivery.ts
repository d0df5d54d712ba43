import type { LiveUpdate } from "./messages";
import type { LatestValueStream } from "./latestValueStream";

/**
 * Live updates written straight to the subscriber's socket, past tRPC's per-message path (its promise race, the
 * generator's resumption, the response's copies: ~a quarter of the server's CPU per message at 5,000
 * subscribers, docs/adr/0035). The subscription still starts, stops and ends through tRPC, and its first update
 * goes through tRPC; that update carries an offer (under a symbol, which JSON leaves out) the socket's encoder takes
 * when it writes it: from then on the viewer's stream hands each update to the encoder, which frames it exactly as
 * tRPC would for that subscription. A transport without such an encoder ignores the offer; nothing changes.
 */
export const DIRECT_DELIVERY = Symbol("directDelivery");

/** A class, not a literal with an arrow: tsx's keepNames would give each phone's arrow a name of its own (ADR 0031). */
export class DirectDeliveryOffer {
  constructor(
    private readonly stream: LatestValueStream<LiveUpdate>,
    /** The tracked event id tRPC sends with an update (the procedure's `tracked(id, …)`). */
    readonly eventIdOf: (update: LiveUpdate) => string,
  ) {}

  /** Called once by the encoder with how to send an update; the stream calls it for every later update. */
  accept(send: (update: LiveUpdate) => void): void {
    this.stream.divert(send);
  }
}

/** `update`, carrying the offer to deliver `stream`'s later updates directly. */
export function offeringDirectDelivery(update: LiveUpdate, stream: LatestValueStream<LiveUpdate>, eventIdOf: (update: LiveUpdate) => string): LiveUpdate {
  return { ...update, [DIRECT_DELIVERY]: new DirectDeliveryOffer(stream, eventIdOf) } as LiveUpdate;
}

export function directDeliveryOffer(payload: unknown): DirectDeliveryOffer | undefined {
  const offer = typeof payload === "object" && payload !== null ? (payload as { [DIRECT_DELIVERY]?: unknown })[DIRECT_DELIVERY] : undefined;
  return offer instanceof DirectDeliveryOffer ? offer : undefined;
}
