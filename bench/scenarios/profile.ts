import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "../support/children";
import { summariseCpuProfile } from "../support/cpuProfile";
import { castVotes, primePoll } from "../support/load";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";

/** Where a vote's server time goes, by what the stack passes through (a sample counts once per group). */
const GROUPS: Record<string, RegExp> = {
  "tRPC procedure call (middlewares, zod input)": /@trpc\/server.*initTRPC|inputValidatorMiddleware/,
  "rate limiter (Redis sliding window)": /limits\/rateLimiter/,
  "vote script round trip (ioredis)": /castVote@?.*redisEngine|node_modules\/ioredis/,
  "Postgres group commit (Prisma, pg)": /engine\/redis\/ledger|recordBallots|@prisma|node_modules\/pg/,
  "HTTP parsing and writing (node:http)": /node:_http|_http_(server|incoming|outgoing|common)/,
  "tRPC mutation handler (body, JSON, response)": /trpcMutationHandler/,
  "voter cookie (HMAC)": /voterCookie|node_modules\/cookie|trpc\/cookies/,
  "Bloom pre-check": /bloomPrecheck|bloom-filters|xxhash|cuint/,
  "live fan-out publish": /server\/live/,
  "metrics": /server\/metrics|instrumentedEngine|prom-client/,
  "logging": /node_modules\/pino/,
  "garbage collector": /\(garbage collector\)/,
};

/**
 * `node --cpu-prof` on the production server while it takes first votes at full speed: where the server's CPU
 * time goes, so the largest remaining cost of the vote path has a number.
 */
export const profile: Scenario = {
  name: "profile",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    const dir = await mkdtemp(path.join(tmpdir(), "tableside-prof-"));
    progress("starting a profiled server");
    const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, cpuProfileDir: dir });
    const maker = new PollMaker(server.url, backing.databaseUrl);
    try {
      const poll = await maker.openPoll();
      await primePoll(server, poll);
      progress("voting under the profiler", 0.2);
      const load = await castVotes(server, [poll], { concurrency: 64, warmupMs: 1_000, durationMs: 8_000 });
      await maker.close();
      await server.stop();
      progress("reading the profile", 0.9);
      const files = await Promise.all((await readdir(dir)).filter((f) => f.endsWith(".cpuprofile")).map(async (f) => ({ f, size: (await stat(path.join(dir, f))).size })));
      const main = files.sort((a, b) => b.size - a.size)[0];
      const summary = summariseCpuProfile(path.join(dir, main.f), GROUPS);
      const idle = summary.byArea.find((a) => a.name === "(idle)")?.ms ?? 0;
      const busyMs = summary.totalMs - idle;
      const perVote = (ms: number) => (ms * 1000) / Math.max(1, load.votes * (9 / 8));
      const groups = Object.keys(GROUPS).map((name) => summary.inclusive.find((l) => l.name === name) ?? { name, ms: 0, percent: 0 });
      return {
        title: "CPU profile of the vote path",
        about: "The production server under `node --cpu-prof` while taking first votes over HTTP (64 in flight). Shares are of the server's busy (non-idle) CPU time; a sample counts once in every group its stack passes through, so groups overlap.",
        tables: [
          {
            title: `Where the server's CPU goes (${fmt.n(load.votesPerSec)} votes/s under the profiler, ${fmt.n(busyMs)} ms busy)`,
            head: ["part of the vote path", "share of busy CPU", "µs per vote"],
            rows: groups.sort((a, b) => b.ms - a.ms).map((g) => [g.name, `${fmt.n((g.ms / busyMs) * 100, 1)} %`, fmt.n(perVote(g.ms))]),
          },
          {
            title: "Top functions by self time",
            head: ["function", "share of busy CPU"],
            rows: summary.topFunctions.filter((f) => !f.name.startsWith("(idle)")).slice(0, 12).map((f) => [f.name, `${fmt.n((f.ms / busyMs) * 100, 1)} %`]),
          },
        ],
        charts: [],
        data: { votesPerSec: load.votesPerSec, votes: load.votes, busyMs, summary },
      };
    } finally {
      await maker.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
