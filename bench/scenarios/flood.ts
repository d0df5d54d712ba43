import { runWorker, startServer } from "../support/children";
import type { FloodJob, FloodResult } from "../support/floodMain";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";

const RATE = 2_000;
const DURATION_MS = 5_000;
const ATTACKER = "127.0.0.2";
const ADDRESSES = Array.from({ length: 100 }, (_, i) => `127.0.1.${i + 1}`);
const DINERS_PER_ADDRESS = 3;

/**
 * Issue 6: one address minting new voter identities at 2,000 requests/s while diners on 100 other loopback
 * addresses vote. The server runs the default rate limits with TRUST_PROXY off, so the socket address is the key.
 */
export const flood: Scenario = {
  name: "flood",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("starting server (default limits, TRUST_PROXY off)");
    const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, limits: "default" });
    const maker = new PollMaker(server.url, backing.databaseUrl);
    try {
      const poll = await maker.openPoll();
      progress("flooding", 0.2);
      const t0 = performance.now();
      const ticker = setInterval(() => progress("flooding", 0.2 + 0.7 * Math.min(1, (performance.now() - t0) / DURATION_MS)), 250);
      const [attacker, diners] = await Promise.all([
        runWorker<FloodResult>("floodMain.ts", { role: "attacker", url: server.url, pollId: poll.pollId, optionId: poll.optionIds[0], fromAddress: ATTACKER, ratePerSec: RATE, durationMs: DURATION_MS } satisfies FloodJob),
        runWorker<FloodResult>("floodMain.ts", { role: "diners", url: server.url, pollId: poll.pollId, optionIds: poll.optionIds, addresses: ADDRESSES, dinersPerAddress: DINERS_PER_ADDRESS, durationMs: DURATION_MS } satisfies FloodJob),
      ]).finally(() => clearInterval(ticker));
      const row = (label: string, r: FloodResult) => [label, fmt.n(r.sent), fmt.n(r.accepted), fmt.n(r.refused), `${fmt.n(r.other)}${r.otherSamples.length ? ` (${r.otherSamples[0]})` : ""}`];
      return {
        title: "Flood: one address minting identities",
        about: `One address (${ATTACKER}) sends votes without a voter cookie at ${RATE.toLocaleString("en-US")}/s for ${DURATION_MS / 1000} s, so each asks for a new identity; meanwhile ${DINERS_PER_ADDRESS * ADDRESSES.length} diners on ${ADDRESSES.length} other loopback addresses vote once each through @trpc/client. Default rate limits, TRUST_PROXY off.`,
        tables: [
          {
            title: "Accepted and refused votes during the flood",
            head: ["who", "requests", "accepted", "refused (429)", "other"],
            rows: [row(`flooder ${ATTACKER}, new identity per request`, attacker), row(`${ADDRESSES.length} other addresses × ${DINERS_PER_ADDRESS} diners`, diners)],
            notes: ["Default limits: 100 new voters per address and poll per 10 min, 120 votes per address per minute."],
          },
        ],
        charts: [],
        data: { attacker, diners, rate: RATE, durationMs: DURATION_MS },
      };
    } finally {
      await maker.close();
      await server.stop();
    }
  },
};
