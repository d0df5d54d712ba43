import type { PollResults } from "@/lib/schemas";
import type { PollWindow } from "../domain/polls/definition";
import type { LiveAnnouncer } from "../domain/ports";
import type { ScreenLineup } from "../domain/screens/lineup";
import type { PollResultsSource } from "../domain/polls/visibility";
import { LeadingEdgeThrottle } from "./leadingEdgeThrottle";
import type { LiveChannel } from "./messages";
import { RestaurantHub } from "./restaurantHub";
import { TallyHub } from "./tallyHub";
import { TallyPublisher } from "./tallyPublisher";

export type Live = { hub: TallyHub; restaurants: RestaurantHub; announcer: LiveAnnouncer; close(): Promise<void> };

export type LiveOptions = {
  /** Screens get at most one update per poll per this many ms (docs/adr/0008). */
  screenIntervalMs?: number;
  publishIntervalMs?: number;
  refreshIntervalMs?: number;
  /** How often a restaurant TV's line-up is re-read in case a message was lost (docs/adr/0030). */
  lineupRefreshIntervalMs?: number;
  readWindow: (pollId: string) => Promise<PollWindow>;
  readLineup: (restaurantId: string) => Promise<ScreenLineup | null>;
  /** An open poll's cloud, read afresh after its answers change (docs/adr/0029). */
  readCloud: (pollId: string) => Promise<PollResults>;
  onError: (error: unknown) => void;
};

export function createLive(channel: LiveChannel, results: PollResultsSource, options: LiveOptions): Live {
  const hub = new TallyHub(channel, results, {
    screenIntervalMs: options.screenIntervalMs ?? 100,
    refreshIntervalMs: options.refreshIntervalMs ?? 2_000,
    readWindow: options.readWindow,
    onError: options.onError,
  });
  const restaurants = new RestaurantHub(channel, {
    readLineup: options.readLineup,
    refreshIntervalMs: options.lineupRefreshIntervalMs ?? 10_000,
    onError: options.onError,
  });
  channel.onMessage((message) => (message.kind === "lineup" ? restaurants.receive(message) : hub.receive(message)));
  const publisher = new TallyPublisher(channel, options.publishIntervalMs ?? 20, options.onError);
  // A cloud read sums a poll's word counters (thousands of rows), so it runs at the screens' pace, not per publish.
  const clouds = new CloudReader(options.screenIntervalMs ?? 100, options.readCloud, (pollId, cloud) => {
    hub.offer(pollId, cloud);
    publisher.tallyChanged(pollId, cloud);
  }, options.onError);
  const sweep = setInterval(() => {
    publisher.sweep();
    clouds.sweep();
  }, 60_000).unref();
  const lineupChanged = (restaurantId: string) => channel.publish({ restaurantId, kind: "lineup" }).catch(options.onError);
  return {
    hub,
    restaurants,
    announcer: {
      tallyChanged(pollId, results) {
        hub.offer(pollId, results); // this process's screens need not wait for the round trip
        publisher.tallyChanged(pollId, results);
      },
      answersChanged(pollId) {
        clouds.changed(pollId);
      },
      statusChanged(pollId, { status, opensAt, closesAt }, restaurantId) {
        const ms = (date: Date | null) => date?.getTime() ?? null;
        channel.publish({ pollId, kind: "status", status, opensAt: ms(opensAt), closesAt: ms(closesAt) }).catch(options.onError);
        lineupChanged(restaurantId);
      },
      lineupChanged,
    },
    async close() {
      clearInterval(sweep);
      clouds.close();
      publisher.close();
      hub.close();
      restaurants.close();
      await channel.close();
    },
  };
}

/**
 * Reads an open poll's cloud after its answers changed, coalesced like tallies: the first change after a quiet
 * spell is read at once, a flood at most once per interval, so answers cost one read per tick, not one each.
 */
class CloudReader {
  private readonly throttles = new Map<string, { throttle: LeadingEdgeThrottle; lastUsed: number }>();

  constructor(
    private readonly intervalMs: number,
    private readonly read: (pollId: string) => Promise<PollResults>,
    private readonly onCloud: (pollId: string, cloud: PollResults) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  changed(pollId: string): void {
    let entry = this.throttles.get(pollId);
    if (!entry) {
      entry = { lastUsed: 0, throttle: new LeadingEdgeThrottle(this.intervalMs, () => void this.readNow(pollId)) };
      this.throttles.set(pollId, entry);
    }
    entry.lastUsed = Date.now();
    entry.throttle.trigger();
  }

  sweep(idleMs = 60_000): void {
    const cutoff = Date.now() - idleMs;
    for (const [pollId, entry] of this.throttles) {
      if (entry.lastUsed < cutoff) {
        entry.throttle.cancel();
        this.throttles.delete(pollId);
      }
    }
  }

  close(): void {
    for (const entry of this.throttles.values()) entry.throttle.cancel();
    this.throttles.clear();
  }

  private async readNow(pollId: string): Promise<void> {
    try {
      this.onCloud(pollId, await this.read(pollId));
    } catch (error) {
      this.onError(error);
    }
  }
}
