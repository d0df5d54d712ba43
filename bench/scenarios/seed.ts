import { Redis } from "ioredis";
import { startServer } from "../support/children";
import { castVotes, over } from "../support/load";
import { pgQuery, waitUntil } from "../support/pgQuery";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";
import { pollKeys } from "../../server/engine/redis/keys";

const RUNS = 3;
const VOTERS = 10_000;
const CROWD = 100_000;
const COUPONS = 10_000;
const IN_FLIGHT = 100;

/**
 * The seed document's two scenarios, on the production servers. (1) 10,000 voters on a 5-option poll, each engine,
 * votes/s. (2) 100,000 voters racing for 10,000 coupons on the Redis engine: wall time, and exactness — exactly
 * 10,000 coupons issued to distinct voters, and Postgres holding exactly 10,000 coupon rows with unique codes.
 */
export const seed: Scenario = {
  name: "seed",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("starting servers");
    const servers = {
      redis: await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl }),
      postgres: await startServer("postgres", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl }),
    };
    const maker = new PollMaker(servers.redis.url, backing.databaseUrl);
    const runs = { redis: [] as Awaited<ReturnType<typeof castVotes>>[], postgres: [] as Awaited<ReturnType<typeof castVotes>>[] };
    const redis = new Redis(backing.redisUrl);
    try {
      for (let round = 0; round < RUNS; round++) {
        for (const engine of ["redis", "postgres"] as const) {
          const base = (round * 2 + (engine === "postgres" ? 1 : 0)) / (RUNS * 2 + 3);
          const poll = await maker.openPoll({ optionCount: 5 });
          const run = await castVotes(servers[engine], [poll], { concurrency: IN_FLIGHT, total: VOTERS }, (done) =>
            progress(`10k voters, ${engine}, run ${round + 1}/${RUNS}`, base + done / VOTERS / (RUNS * 2 + 3)),
          );
          if (run.errors || run.accepted !== VOTERS) throw new Error(`${engine}: ${run.accepted} accepted, ${run.errors} errors: ${run.errorSamples.join("; ")}`);
          runs[engine].push(run);
        }
      }

      const poll = await maker.openPoll({ optionCount: 5, promotionQuantity: COUPONS });
      const t0 = performance.now();
      const crowd = await castVotes(servers.redis, [poll], { concurrency: IN_FLIGHT * 2, total: CROWD }, (done) =>
        progress(`${CROWD.toLocaleString("en-US")} voters for ${COUPONS.toLocaleString("en-US")} coupons`, (RUNS * 2 + (3 * done) / CROWD) / (RUNS * 2 + 3)),
      );
      const wallMs = performance.now() - t0;
      progress("checking Postgres", 0.98);
      const k = pollKeys(poll.pollId);
      const [winners, couponsLeft] = await Promise.all([redis.hlen(k.winners), redis.hget(k.meta, "couponsLeft")]);
      type Counts = { rows: string; voters: string; codes: string; ballots: string };
      const read = async () =>
        (
          await pgQuery<Counts>(
            backing.databaseUrl,
            `SELECT (SELECT count(*) FROM "Coupon" WHERE "pollId" = $1) AS rows,
                    (SELECT count(DISTINCT "voterId") FROM "Coupon" WHERE "pollId" = $1) AS voters,
                    (SELECT count(DISTINCT code) FROM "Coupon" WHERE "pollId" = $1) AS codes,
                    (SELECT count(*) FROM "Ballot" WHERE "pollId" = $1) AS ballots`,
            [poll.pollId],
          )
        )[0];
      const flushed = await waitUntil(read, (c) => Number(c.ballots) >= crowd.accepted && Number(c.rows) >= COUPONS, 60_000, 250);
      const pgCounts = flushed.value;
      const exact = {
        couponsAnswered: crowd.coupons.length,
        distinctCodesAnswered: new Set(crowd.coupons).size,
        redisWinners: winners,
        redisCouponsLeft: Number(couponsLeft),
        postgresCouponRows: Number(pgCounts.rows),
        postgresDistinctVoters: Number(pgCounts.voters),
        postgresDistinctCodes: Number(pgCounts.codes),
        postgresBallots: Number(pgCounts.ballots),
        accepted: crowd.accepted,
        errors: crowd.errors,
      };
      const ok =
        exact.couponsAnswered === COUPONS &&
        exact.distinctCodesAnswered === COUPONS &&
        exact.redisWinners === COUPONS &&
        exact.postgresCouponRows === COUPONS &&
        exact.postgresDistinctVoters === COUPONS &&
        exact.postgresDistinctCodes === COUPONS &&
        exact.postgresBallots === CROWD &&
        exact.accepted === CROWD;
      const row = (label: string, r: typeof runs.redis) => [
        label,
        fmt.spread(over(r, (x) => x.votesPerSec)),
        fmt.spread(over(r, (x) => x.elapsedMs / 1000), 1),
        fmt.spread(over(r, (x) => x.latency.p50), 1),
        fmt.spread(over(r, (x) => x.latency.p99), 1),
      ];
      return {
        title: "Seed scenarios",
        about: `The seed document's scenarios on the production servers over HTTP: ${VOTERS.toLocaleString("en-US")} voters on a 5-option poll (${IN_FLIGHT} in flight, ${RUNS} runs per engine, interleaved), and ${CROWD.toLocaleString("en-US")} voters (${IN_FLIGHT * 2} in flight) racing for ${COUPONS.toLocaleString("en-US")} coupons on the Redis engine.`,
        tables: [
          {
            title: `${VOTERS.toLocaleString("en-US")} voters on a 5-option poll (median (min–max) of ${RUNS} runs)`,
            head: ["engine", "votes/s", "wall s", "p50 ms", "p99 ms"],
            rows: [row("Redis engine (full server, ack after Postgres)", runs.redis), row("Postgres-only engine (full server)", runs.postgres)],
            notes: [`Redis ÷ Postgres-only votes/s: ${fmt.ratio({ ...over(runs.redis.map((r, i) => r.votesPerSec / runs.postgres[i].votesPerSec), (x) => x) })}`],
          },
          {
            title: `${CROWD.toLocaleString("en-US")} voters for ${COUPONS.toLocaleString("en-US")} coupons (Redis engine, one run)`,
            head: ["wall time", "votes/s", "coupons answered (distinct)", "Redis winners / left", "Postgres coupon rows / distinct voters / distinct codes", "Postgres ballots", "exact"],
            rows: [
              [
                `${fmt.n(wallMs / 1000, 1)} s`,
                fmt.n(crowd.votesPerSec),
                `${fmt.n(exact.couponsAnswered)} (${fmt.n(exact.distinctCodesAnswered)})`,
                `${fmt.n(exact.redisWinners)} / ${exact.redisCouponsLeft}`,
                `${fmt.n(exact.postgresCouponRows)} / ${fmt.n(exact.postgresDistinctVoters)} / ${fmt.n(exact.postgresDistinctCodes)}`,
                fmt.n(exact.postgresBallots),
                ok ? "yes" : "NO",
              ],
            ],
            notes: [`Postgres had every ballot and coupon ${fmt.n(flushed.afterMs)} ms after the last answer (acks wait for Postgres, so this is the stream flusher's leftovers only).`],
          },
        ],
        charts: [
          {
            kind: "bars",
            file: "seed.svg",
            title: `${VOTERS.toLocaleString("en-US")} voters on a 5-option poll (votes/s)`,
            unit: "votes/s",
            bars: [
              { label: "Redis engine", value: over(runs.redis, (x) => x.votesPerSec) },
              { label: "Postgres-only", value: over(runs.postgres, (x) => x.votesPerSec) },
            ],
          },
        ],
        data: {
          tenThousand: Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.map(({ accepts, coupons, ...x }) => x)])),
          crowd: { wallMs, votesPerSec: crowd.votesPerSec, latency: crowd.latency, exact, ok, flushedAfterMs: flushed.afterMs },
        },
      };
    } finally {
      redis.disconnect();
      await maker.close();
      await Promise.all(Object.values(servers).map((s) => s.stop()));
    }
  },
};
