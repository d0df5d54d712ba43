import { startServer } from "../support/children";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";
import { openScreens } from "./screen";

const WARM = 200;
const SUBSCRIBERS = 5_000;

/**
 * Issue 18: what one idle live subscriber (a diner's phone after voting: one tRPC WebSocket, one poll.onResults
 * subscription, no votes) costs the server. The baseline is the same server in the same run with 200 subscribers
 * already open (code paths warmed, buffers allocated); then 5,000 more, and the growth of its RSS and of its heap
 * after GC divided by 5,000.
 */
export const subscriberMemory: Scenario = {
  name: "subscriberMemory",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("starting server", 0);
    const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl });
    const maker = new PollMaker(server.url, backing.databaseUrl);
    try {
      const poll = await maker.openPoll();
      const warm = await openScreens(server.url, poll.pollId, WARM, () => {});
      await new Promise((r) => setTimeout(r, 1_000));
      const before = await server.stats(true);
      const more = await openScreens(server.url, poll.pollId, SUBSCRIBERS, (done) => progress(`opening subscribers ${done}`, 0.1 + 0.8 * (done / SUBSCRIBERS)));
      await new Promise((r) => setTimeout(r, 2_000));
      await server.stats(true);
      const after = await server.stats(true);
      progress("closing", 0.95);
      await Promise.all([warm.stop(), more.stop()]);
      const perRss = (after.rssBytes - before.rssBytes) / SUBSCRIBERS;
      // V8's young generation grows while the sockets open, up to a fixed ceiling (server/infra/nodeFlags.ts): memory
      // of the collector's, not held by a subscriber, and the same whether 5,000 or 50,000 are open.
      const youngGrowth = (after.extra?.new_spaceCommitted ?? 0) - (before.extra?.new_spaceCommitted ?? 0);
      const perHeldRss = (after.rssBytes - before.rssBytes - youngGrowth) / SUBSCRIBERS;
      const perHeap = (after.heapUsedBytes - before.heapUsedBytes) / SUBSCRIBERS;
      const kb = (bytes: number) => `${fmt.n(bytes / 1024, 1)} KB`;
      return {
        title: "Server memory per idle subscriber",
        about: "One tRPC WebSocket with one poll.onResults subscription and no votes, as a diner's phone holds after voting: the server's RSS and heap after GC with 200 subscribers (baseline) and with 5,000 more, the growth per subscriber.",
        tables: [
          {
            title: `Server memory per idle subscriber (${SUBSCRIBERS.toLocaleString("en-US")} subscribers over a baseline of ${WARM})`,
            head: ["", "baseline (200 subscribers)", `with ${(WARM + SUBSCRIBERS).toLocaleString("en-US")}`, "per added subscriber", "target"],
            rows: [
              ["RSS", fmt.mb(before.rssBytes), fmt.mb(after.rssBytes), kb(perRss), ""],
              ["RSS less the young generation's growth", fmt.mb(before.rssBytes - (before.extra?.new_spaceCommitted ?? 0)), fmt.mb(after.rssBytes - (after.extra?.new_spaceCommitted ?? 0)), kb(perHeldRss), "≤ 20 KB"],
              ["heap after GC", fmt.mb(before.heapUsedBytes), fmt.mb(after.heapUsedBytes), kb(perHeap), ""],
            ],
            notes: [
              "RSS includes the sockets' buffers outside the JavaScript heap. V8's young generation (committed new space) grew by " +
                `${fmt.mb(youngGrowth)} while the sockets opened: it stops at a fixed ceiling (2 × 64 MB semi-spaces, docs/adr/0033) whatever the number of subscribers, so what a subscriber holds is RSS less that growth, the figure the target is about.`,
            ],
          },
        ],
        charts: [],
        data: { subscribers: SUBSCRIBERS, baselineSubscribers: WARM, before, after, perSubscriberRssBytes: perRss, perSubscriberHeldRssBytes: perHeldRss, youngGenerationGrowthBytes: youngGrowth, perSubscriberHeapBytes: perHeap },
      };
    } finally {
      await maker.close();
      await server.stop();
    }
  },
};
