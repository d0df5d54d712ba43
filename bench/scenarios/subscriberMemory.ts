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
              ["RSS", fmt.mb(before.rssBytes), fmt.mb(after.rssBytes), kb(perRss), "≤ 20 KB"],
              ["heap after GC", fmt.mb(before.heapUsedBytes), fmt.mb(after.heapUsedBytes), kb(perHeap), ""],
            ],
            notes: ["RSS includes the sockets' buffers outside the JavaScript heap; it is the figure the target is about."],
          },
        ],
        charts: [],
        data: { subscribers: SUBSCRIBERS, baselineSubscribers: WARM, before, after, perSubscriberRssBytes: perRss, perSubscriberHeapBytes: perHeap },
      };
    } finally {
      await maker.close();
      await server.stop();
    }
  },
};
