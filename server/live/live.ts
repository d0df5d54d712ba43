import type { PollWindow } from "../domain/polls/definition";
import type { LiveAnnouncer } from "../domain/ports";
import type { ScreenLineup } from "../domain/screens/lineup";
import type { VoteEngine } from "../engine/types";
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
  /** How often a restaurant TV's line-up is re-read in case a message was lost (docs/adr/0029). */
  lineupRefreshIntervalMs?: number;
  readWindow: (pollId: string) => Promise<PollWindow>;
  readLineup: (restaurantId: string) => Promise<ScreenLineup | null>;
  onError: (error: unknown) => void;
};

export function createLive(channel: LiveChannel, engine: VoteEngine, options: LiveOptions): Live {
  const hub = new TallyHub(channel, engine, {
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
  const sweep = setInterval(() => publisher.sweep(), 60_000).unref();
  const lineupChanged = (restaurantId: string) => channel.publish({ restaurantId, kind: "lineup" }).catch(options.onError);
  return {
    hub,
    restaurants,
    announcer: {
      tallyChanged(pollId, results) {
        hub.offer(pollId, results); // this process's screens need not wait for the round trip
        publisher.tallyChanged(pollId, results);
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
      publisher.close();
      hub.close();
      restaurants.close();
      await channel.close();
    },
  };
}
