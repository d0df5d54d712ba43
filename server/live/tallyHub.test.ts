import { setMaxListeners } from "node:events";
import { describe, expect, it } from "vitest";
import type { PollResults } from "@/lib/schemas";
import type { PollDefinition } from "../domain/polls/definition";
import type { LiveChannel } from "./messages";
import { TallyHub } from "./tallyHub";

const INTERVAL_MS = 100;
/** More viewers than one chunk of a delivery (tallyHub.ts DELIVERY_CHUNK), so a fan-out spans turns of the loop. */
const VIEWERS = 600;

/** The hub's input port, in this process only: the hub is fed through `offer`, as its own vote path feeds it. */
const quietChannel: LiveChannel = {
  publish: async () => {},
  listen: async () => {},
  unlisten: async () => {},
  onMessage: () => {},
  close: async () => {},
};

const poll = { id: "poll-1", optionIds: ["a", "b"] } as unknown as PollDefinition;
const tally = (seq: number): PollResults => ({ counts: { a: seq, b: 0 }, total: seq, seq });

async function watchAll(hub: TallyHub, abort: AbortController) {
  const received = Array.from({ length: VIEWERS }, () => [] as number[]);
  setMaxListeners(VIEWERS + 1, abort.signal); // one listener per viewer, as every phone's subscription has
  for (const seen of received) {
    const updates = await hub.watch(poll, () => true, abort.signal);
    void (async () => {
      for await (const update of updates) seen.push(update.results!.seq);
    })();
  }
  return received;
}

describe("TallyHub's fan-out", () => {
  it("sends a tally that arrives mid-fan-out to the viewers not yet reached, and the rest once, right after", async () => {
    const hub = new TallyHub(quietChannel, { readResults: async () => tally(0) }, {
      screenIntervalMs: INTERVAL_MS,
      refreshIntervalMs: 60_000,
      readWindow: async () => ({ status: "open", opensAt: null, closesAt: null }),
      onError: (error) => {
        throw error;
      },
    });
    const abort = new AbortController();
    try {
      const received = await watchAll(hub, abort);
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
      hub.offer(poll.id, tally(1)); // the leading edge: the first chunk goes out at once, the rest on later turns
      hub.offer(poll.id, tally(2)); // before the second chunk
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));

      // Nobody is sent tally 2 twice: the pass after the fan-out goes only to the viewers it reached with tally 1.
      const firstChunk = received.filter((seqs) => seqs.join() === "0,1,2").length;
      const reachedLater = received.filter((seqs) => seqs.join() === "0,2").length;
      expect(firstChunk).toBeGreaterThan(0);
      expect(reachedLater).toBeGreaterThan(0);
      expect(firstChunk + reachedLater).toBe(VIEWERS);
    } finally {
      abort.abort();
      hub.close();
    }
  });
});
