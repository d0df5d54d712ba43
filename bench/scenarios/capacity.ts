import { Redis } from "ioredis";
import { startServer, type ServerKind, type ServerUnderTest } from "../support/children";
import { castVotes, measured, over, primePoll } from "../support/load";
import { PollMaker } from "../support/polls";
import { redisCpuMs } from "../support/redisCpu";
import { fmt, type Scenario, type Table } from "../support/scenario";

type Contender = { key: string; label: string; kind: ServerKind };

const CONTENDERS: Contender[] = [
  { key: "raw", label: "raw ceiling: node:http + the same Lua script (baseline)", kind: "raw" },
  { key: "full", label: "production server, Redis engine (ack after Postgres)", kind: "redis" },
];
const ROUNDS = 3;
const WARMUP_MS = 1_000;
const DURATION_MS = 4_000;
const CONCURRENCY = 64;

/**
 * What one process and one Redis core can take, for the scale plan (docs/scale.md): first votes on ONE poll (one
 * hash slot, the hot-key case) through the production server, with the server's CPU and Redis's CPU per vote.
 * 10⁶ µs ÷ CPU µs per vote is the ceiling of one fully used core: a Redis shard is single-threaded, so its figure
 * is the most one poll can take on one shard however many app processes feed it.
 */
export const capacity: Scenario = {
  name: "capacity",
  inDefaultSuite: false,
  async run({ backing, progress }) {
    progress("starting servers");
    const servers = new Map<string, ServerUnderTest>();
    for (const c of CONTENDERS) servers.set(c.key, await startServer(c.kind, { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl }));
    const full = servers.get("full")!;
    const maker = new PollMaker(full.url, backing.databaseUrl);
    const redis = new Redis(backing.redisUrl);
    type Run = Awaited<ReturnType<typeof castVotes>> & { serverCpuUsPerVote: number; serverCpuPercent: number; redisCpuUsPerVote: number };
    const runs = new Map<string, Run[]>(CONTENDERS.map((c) => [c.key, []]));
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [...CONTENDERS].reverse() : CONTENDERS;
        for (const [i, c] of order.entries()) {
          progress(`round ${round + 1}/${ROUNDS}: ${c.key}`, (round * CONTENDERS.length + i) / (ROUNDS * CONTENDERS.length));
          const poll = await maker.openPoll();
          await primePoll(full, poll);
          const server = servers.get(c.key)!;
          const r0 = await redisCpuMs(redis);
          const run = await measured(server, () => castVotes(server, [poll], { concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: DURATION_MS }));
          const r1 = await redisCpuMs(redis);
          if (run.errors) throw new Error(`${c.key}: ${run.errors} errors, e.g. ${run.errorSamples.join("; ")}`);
          // Redis's CPU covers the warm-up too: votes over the window are estimated at the measured rate, as measured() does.
          const votesInWindow = run.votes * (1 + WARMUP_MS / DURATION_MS);
          runs.get(c.key)!.push({ ...run, redisCpuUsPerVote: ((r1 - r0) * 1000) / votesInWindow });
        }
      }
    } finally {
      redis.disconnect();
      await maker.close();
      await Promise.all([...servers.values()].map((s) => s.stop()));
    }

    const ceiling = (usPerVote: number) => 1_000_000 / usPerVote;
    const table: Table = {
      title: `First votes on one poll (${CONCURRENCY} in flight, ${ROUNDS} rounds × ${DURATION_MS / 1000} s, median (min–max))`,
      head: ["server", "votes/s", "p99 ms", "server CPU µs/vote", "→ votes/s per server core", "Redis CPU µs/vote", "→ votes/s per Redis core (one poll's shard)"],
      rows: CONTENDERS.map((c) => {
        const r = runs.get(c.key)!;
        const server = over(r, (x) => x.serverCpuUsPerVote);
        const redisCpu = over(r, (x) => x.redisCpuUsPerVote);
        return [
          c.label,
          fmt.spread(over(r, (x) => x.votesPerSec)),
          fmt.spread(over(r, (x) => x.latency.p99), 1),
          fmt.spread(server),
          fmt.n(ceiling(server.median)),
          fmt.spread(redisCpu, 1),
          fmt.n(ceiling(redisCpu.median)),
        ];
      }),
      notes: ["The production server's Redis CPU includes the rate limiter's script and the ledger's stream acknowledgement (XDEL), which the raw ceiling does not run."],
    };
    return {
      title: "Capacity per process and per Redis shard",
      about:
        "First votes on one poll through the production server, beside the raw ceiling in the same rounds: votes/s, and the server's and Redis's CPU per vote, which set how many votes one app core and one Redis shard can take (docs/scale.md).",
      tables: [table],
      charts: [],
      data: {
        settings: { rounds: ROUNDS, warmupMs: WARMUP_MS, durationMs: DURATION_MS, concurrency: CONCURRENCY },
        runs: Object.fromEntries([...runs].map(([key, r]) => [key, r.map(({ votesPerSec, latency, serverCpuUsPerVote, redisCpuUsPerVote }) => ({ votesPerSec, latency, serverCpuUsPerVote, redisCpuUsPerVote }))])),
      },
    };
  },
};
