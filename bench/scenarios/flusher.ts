import { Redis } from "ioredis";
import { pollKeys } from "../../server/engine/redis/keys";
import { startServer, type ServerUnderTest } from "../support/children";
import { castVotes } from "../support/load";
import { pgQuery, waitUntil } from "../support/pgQuery";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario, type Table } from "../support/scenario";
import { spread, summarize } from "../support/stats";

const RUNS = 3;
const CLOSED_LOOP = { concurrency: 64, durationMs: 6_000, warmupMs: 2_000 };
const OPEN_LOOP = { ratePerSec: 400, concurrency: 200, durationMs: 6_000, warmupMs: 1_000 };
type Ack = "postgres" | "redis";

type Run = {
  ack: Ack;
  mode: "closed" | "open";
  votesPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** tableside_flusher_lag_seconds sampled every 100 ms while votes flowed, in ms. */
  lagP50: number;
  lagMax: number;
  /** Largest number of entries waiting in the poll's ballot stream. */
  maxStream: number;
  /** From the last answered vote to every accepted ballot in Postgres, ms. */
  drainMs: number;
};

/**
 * What answering `accepted` only after Postgres committed the ballot (group commit, docs/adr/0004) costs against
 * answering from Redis alone, and how far the stream flusher trails under load. Each mode on a server of its own:
 * a closed loop (64 voters in flight: the most it takes) and an open loop (400 votes/s: latency at a steady rate).
 */
export const flusher: Scenario = {
  name: "flusher",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    const redis = new Redis(backing.redisUrl);
    const runs: Run[] = [];
    const plan = (["postgres", "redis"] as Ack[]).flatMap((ack) => (["closed", "open"] as const).map((mode) => ({ ack, mode })));
    try {
      for (const [i, { ack, mode }] of plan.entries()) {
        progress(`ack after ${ack}, ${mode} loop: starting server`, i / plan.length);
        const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, ack });
        const maker = new PollMaker(server.url, backing.databaseUrl);
        try {
          for (let run = 0; run < RUNS; run++) {
            progress(`ack after ${ack}, ${mode} loop: run ${run + 1}/${RUNS}`, (i + run / RUNS) / plan.length);
            runs.push(await measure(server, maker, redis, backing.databaseUrl, ack, mode));
          }
        } finally {
          await maker.close();
          await server.stop();
        }
      }
    } finally {
      redis.disconnect();
    }
    return report(runs);
  },
};

async function measure(server: ServerUnderTest, maker: PollMaker, redis: Redis, databaseUrl: string, ack: Ack, mode: "closed" | "open"): Promise<Run> {
  const poll = await maker.openPoll();
  const stream = pollKeys(poll.pollId).ballots;
  const lags: number[] = [];
  let maxStream = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [metrics, length] = await Promise.all([fetch(`${server.url}/metrics`).then((r) => r.text()), redis.xlen(stream)]);
      const lag = /^tableside_flusher_lag_seconds (\S+)$/m.exec(metrics);
      if (lag) lags.push(Number(lag[1]) * 1000);
      maxStream = Math.max(maxStream, length);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const load = await castVotes(server, [poll], mode === "closed" ? CLOSED_LOOP : OPEN_LOOP);
  const answeredAt = performance.now();
  sampling = false;
  await sampler;
  // Warm-up votes are not recorded by the load generator: count every ballot of the poll against Redis's total.
  const redisTotal = Number(await redis.hget(pollKeys(poll.pollId).tally, "_total"));
  const count = async () =>
    Number((await pgQuery<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM "Ballot" WHERE "pollId" = $1`, [poll.pollId]))[0].n);
  const flushed = await waitUntil(count, (n) => n >= redisTotal, 60_000, 10);
  if (!flushed.met) throw new Error(`Postgres holds ${flushed.value} of ${redisTotal} ballots 60 s after the last vote`);
  const lag = summarize(lags);
  return {
    ack,
    mode,
    votesPerSec: load.votesPerSec,
    p50: load.latency.p50,
    p99: load.latency.p99,
    errors: load.errors,
    lagP50: lag.p50,
    lagMax: lag.max,
    maxStream,
    drainMs: performance.now() - answeredAt,
  };
}

function report(runs: Run[]) {
  const of = (ack: Ack, mode: Run["mode"]) => runs.filter((r) => r.ack === ack && r.mode === mode);
  const s = (rs: Run[], pick: (r: Run) => number) => spread(rs.map(pick));
  const label = (ack: Ack) => (ack === "postgres" ? "after Postgres commit (group commit, production)" : "from Redis (flusher writes later)");
  const tables: Table[] = [
    {
      title: `Cost of answering after the Postgres commit: closed loop, ${CLOSED_LOOP.concurrency} votes in flight (median (min–max) of ${RUNS} runs)`,
      head: ["accepted is answered", "votes/s", "p50 ms", "p99 ms", "errors"],
      rows: (["postgres", "redis"] as Ack[]).map((ack) => {
        const rs = of(ack, "closed");
        return [label(ack), fmt.spread(s(rs, (r) => r.votesPerSec)), fmt.spread(s(rs, (r) => r.p50), 1), fmt.spread(s(rs, (r) => r.p99), 1), String(rs.reduce((n, r) => n + r.errors, 0))];
      }),
    },
    {
      title: `Latency at a steady ${OPEN_LOOP.ratePerSec} votes/s (open loop)`,
      head: ["accepted is answered", "p50 ms", "p99 ms"],
      rows: (["postgres", "redis"] as Ack[]).map((ack) => {
        const rs = of(ack, "open");
        return [label(ack), fmt.spread(s(rs, (r) => r.p50), 1), fmt.spread(s(rs, (r) => r.p99), 1)];
      }),
    },
    {
      title: "Stream flusher lag under load (tableside_flusher_lag_seconds sampled every 100 ms; backlog from XLEN)",
      head: ["accepted is answered", "loop", "lag p50 ms", "lag max ms", "largest backlog, entries", "last answer → all in Postgres, ms"],
      rows: runs.length === 0 ? [] : (["postgres", "redis"] as Ack[]).flatMap((ack) =>
        (["closed", "open"] as const).map((mode) => {
          const rs = of(ack, mode);
          return [label(ack), mode, fmt.spread(s(rs, (r) => r.lagP50)), fmt.spread(s(rs, (r) => r.lagMax)), fmt.spread(s(rs, (r) => r.maxStream)), fmt.spread(s(rs, (r) => r.drainMs))];
        }),
      ),
      notes: ["With the answer after the commit the vote path deletes its own stream entries: the flusher only sees what it reads before that delete, or what a dead process left."],
    },
  ];
  return {
    title: "Group commit and stream flusher",
    about: "The price of `accepted` meaning committed in Postgres (docs/adr/0004), and how far the ballot-stream flusher trails the votes.",
    tables,
    charts: [],
    data: { runs },
  };
}
