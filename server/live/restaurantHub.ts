import type { ScreenLineup } from "../domain/screens/lineup";
import { LatestValueStream } from "./latestValueStream";
import { type LiveChannel, type LiveMessage, restaurantTopic } from "./messages";

type WatchedRestaurant = {
  id: string;
  lineup: ScreenLineup;
  /** The line-up as last pushed, to push only what changed. */
  text: string;
  viewers: Set<LatestValueStream<ScreenLineup>>;
  /** Fires at the line-up's next scheduled opening or closing. */
  transition: NodeJS.Timeout | null;
  /** A re-read is under way; `readAgain`: news arrived meanwhile, so read once more after it. */
  reading: boolean;
  readAgain: boolean;
};

/** setTimeout's longest wait (~24.8 days); a later time is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type RestaurantHubOptions = {
  readLineup: (restaurantId: string) => Promise<ScreenLineup | null>;
  /** How often a watched restaurant is re-read: repairs a lost message, and today's specials change at midnight. */
  refreshIntervalMs: number;
  onError: (error: unknown) => void;
};

export class RestaurantNotFoundError extends Error {}

/**
 * This process's view of the restaurants whose TV it serves (docs/adr/0030): each one's line-up (open polls, the
 * latest winner, today's specials), re-read from Postgres when the live channel says it changed (a poll of the
 * restaurant opened, closed or moved; a special was set), when its next scheduled opening or closing comes (a
 * moment, not a message, as in the tally hub: docs/adr/0022), and every so often. A viewer holds only the newest
 * line-up; a restaurant nobody watches is forgotten.
 */
export class RestaurantHub {
  private readonly watched = new Map<string, WatchedRestaurant>();
  private readonly loading = new Map<string, Promise<WatchedRestaurant>>();
  private readonly refreshTimer: NodeJS.Timeout;

  constructor(
    private readonly channel: LiveChannel,
    private readonly options: RestaurantHubOptions,
  ) {
    this.refreshTimer = setInterval(() => {
      for (const watched of this.watched.values()) void this.reread(watched);
    }, options.refreshIntervalMs);
    this.refreshTimer.unref();
  }

  /** The restaurant's line-up for one TV, starting with the current one; ends when `signal` aborts. */
  async watch(restaurantId: string, signal?: AbortSignal): Promise<AsyncIterable<ScreenLineup>> {
    let watched = await this.startWatching(restaurantId);
    while (this.watched.get(restaurantId) !== watched && !signal?.aborted) watched = await this.startWatching(restaurantId);
    const stream = new LatestValueStream<ScreenLineup>(signal);
    if (signal?.aborted) {
      this.releaseIfUnwatched(watched);
      return stream;
    }
    watched.viewers.add(stream);
    stream.push(watched.lineup);
    signal?.addEventListener("abort", () => {
      watched.viewers.delete(stream);
      this.releaseIfUnwatched(watched);
    }, { once: true });
    return stream;
  }

  /** A restaurant's message from the live channel: its line-up changed somewhere. */
  receive(message: Extract<LiveMessage, { kind: "lineup" }>): void {
    const watched = this.watched.get(message.restaurantId);
    if (watched) void this.reread(watched);
  }

  viewerCount(): number {
    let count = 0;
    for (const watched of this.watched.values()) count += watched.viewers.size;
    return count;
  }

  close(): void {
    clearInterval(this.refreshTimer);
    for (const watched of this.watched.values()) {
      if (watched.transition) clearTimeout(watched.transition);
      for (const viewer of watched.viewers) viewer.end();
    }
    this.watched.clear();
  }

  private async startWatching(restaurantId: string): Promise<WatchedRestaurant> {
    const existing = this.watched.get(restaurantId) ?? this.loading.get(restaurantId);
    if (existing) return existing;
    const loading = (async () => {
      // Listen first: a change made while the line-up is read is then heard, and read again.
      await this.channel.listen(restaurantTopic(restaurantId));
      const lineup = await this.options.readLineup(restaurantId).catch((error: unknown) => {
        this.channel.unlisten(restaurantTopic(restaurantId)).catch(this.options.onError);
        throw error;
      });
      if (!lineup) {
        await this.channel.unlisten(restaurantTopic(restaurantId));
        throw new RestaurantNotFoundError("restaurant not found");
      }
      const watched: WatchedRestaurant = {
        id: restaurantId,
        lineup,
        text: JSON.stringify(lineup),
        viewers: new Set(),
        transition: null,
        reading: false,
        readAgain: false,
      };
      this.watched.set(restaurantId, watched);
      this.armTransition(watched);
      return watched;
    })().finally(() => this.loading.delete(restaurantId));
    this.loading.set(restaurantId, loading);
    return loading;
  }

  private releaseIfUnwatched(watched: WatchedRestaurant): void {
    if (watched.viewers.size > 0 || this.watched.get(watched.id) !== watched) return;
    if (watched.transition) clearTimeout(watched.transition);
    this.watched.delete(watched.id);
    this.channel.unlisten(restaurantTopic(watched.id)).catch(this.options.onError);
  }

  /** One read at a time per restaurant; news during a read means one more read after it, never a queue. */
  private async reread(watched: WatchedRestaurant): Promise<void> {
    if (watched.reading) {
      watched.readAgain = true;
      return;
    }
    watched.reading = true;
    try {
      const lineup = await this.options.readLineup(watched.id);
      if (lineup && this.watched.get(watched.id) === watched) this.take(watched, lineup);
    } catch (error) {
      this.options.onError(error);
    } finally {
      watched.reading = false;
      if (watched.readAgain && this.watched.get(watched.id) === watched) {
        watched.readAgain = false;
        void this.reread(watched);
      }
    }
  }

  private take(watched: WatchedRestaurant, lineup: ScreenLineup): void {
    const text = JSON.stringify(lineup);
    if (text !== watched.text) {
      watched.lineup = lineup;
      watched.text = text;
      for (const viewer of watched.viewers) viewer.push(lineup);
    }
    this.armTransition(watched);
  }

  private armTransition(watched: WatchedRestaurant): void {
    if (watched.transition) clearTimeout(watched.transition);
    watched.transition = null;
    const at = watched.lineup.nextChangeAt;
    if (at === null) return;
    watched.transition = setTimeout(() => {
      watched.transition = null;
      if (this.watched.get(watched.id) === watched) void this.reread(watched);
    }, Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
    watched.transition.unref();
  }
}
