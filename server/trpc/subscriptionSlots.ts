import { TRPCError } from "@trpc/server";

/** One more subscription for the client's address, if its budget allows: the way to give it back, else null. */
export type AddressSlot = () => (() => void) | null;

/**
 * The live subscriptions one WebSocket holds: at most `max` at once, and within its address's budget (both in
 * server/limits/socketLimits.ts). A subscription takes a slot when it starts and gives it back in its `finally`,
 * however it ends.
 */
export class SubscriptionSlots {
  private held = 0;

  constructor(
    private readonly max: number,
    private readonly addressSlot: AddressSlot,
    private readonly onRefused: (bound: "socket" | "address") => void,
  ) {}

  take(): { release(): void } {
    if (this.held >= this.max) {
      this.onRefused("socket");
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `at most ${this.max} live subscriptions per connection` });
    }
    const releaseAddress = this.addressSlot();
    if (!releaseAddress) {
      this.onRefused("address");
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "too many live subscriptions from this client" });
    }
    this.held++;
    let released = false;
    const slots = this;
    // A method, not a named arrow: tsx's keepNames would give each slot's closure a `name` of its own (liveSocket.ts).
    return {
      release() {
        if (released) return;
        released = true;
        slots.held--;
        releaseAddress();
      },
    };
  }
}
