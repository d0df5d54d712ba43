import { TRPCError } from "@trpc/server";

/**
 * The live subscriptions one WebSocket holds, at most `max` at once (server/limits/socketLimits.ts). A
 * subscription takes a slot when it starts and gives it back in its `finally`, however it ends.
 */
export class SubscriptionSlots {
  private held = 0;

  constructor(
    private readonly max: number,
    private readonly onRefused: () => void,
  ) {}

  take(): { release(): void } {
    if (this.held >= this.max) {
      this.onRefused();
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `at most ${this.max} live subscriptions per connection` });
    }
    this.held++;
    let released = false;
    return {
      release: () => {
        if (!released) this.held--;
        released = true;
      },
    };
  }
}
