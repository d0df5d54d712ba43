import type { PollWindow } from "../domain/polls/definition";
import type { LiveAnnouncer } from "../domain/ports";
import type { VoteEngine } from "../engine/types";
import type { LiveChannel } from "./messages";
import { TallyHub } from "./tallyHub";
import { TallyPublisher } from "./tallyPublisher";

export type Live = { hub: TallyHub; announcer: LiveAnnouncer; close(): Promise<void> };

export type LiveOptions = {
  /** Screens get at most one update per poll per this many ms (docs/adr/0008). */
  screenIntervalMs?: number;
  publishIntervalMs?: number;
  refreshIntervalMs?: number;
  readWindow: (pollId: string) => Promise<PollWindow>;
  onError: (error: unknown) => void;
};

export function createLive(channel: LiveChannel, engine: VoteEngine, options: LiveOptions): Live {
  const hub = new TallyHub(channel, engine, {
    screenIntervalMs: options.screenIntervalMs ?? 100,
    refreshIntervalMs: options.refreshIntervalMs ?? 2_000,
    readWindow: options.readWindow,
    onError: options.onError,
  });
  const publisher = new TallyPublisher(channel, options.publishIntervalMs ?? 20, options.onError);
  const sweep = setInterval(() => publisher.sweep(), 60_000).unref();
  return {
    hub,
    announcer: {
      tallyChanged(pollId, results) {
        hub.offer(pollId, results); // this process's screens need not wait for the round trip
        publisher.tallyChanged(pollId, results);
      },
      statusChanged(pollId, { status, opensAt, closesAt }) {
        const ms = (date: Date | null) => date?.getTime() ?? null;
        channel.publish({ pollId, kind: "status", status, opensAt: ms(opensAt), closesAt: ms(closesAt) }).catch(options.onError);
      },
    },
    async close() {
      clearInterval(sweep);
      publisher.close();
      hub.close();
      await channel.close();
    },
  };
}
