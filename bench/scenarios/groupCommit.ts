import pg from "pg";
import { recordBallots } from "../../server/engine/postgres/recordBallots";
import type { AcceptedBallot } from "../../server/engine/types";
import { applyMigrations } from "../../server/infra/migrate";
import { startServer } from "../support/children";
import { pgQuery } from "../support/pgQuery";
import { PollMaker } from "../support/polls";
import { readProcStats } from "../support/processStats";
import { fmt, type Scenario } from "../support/scenario";
import { spread, type Spread } from "../support/stats";

const BATCH_SIZES = [1, 5, 10, 20, 50];
const BALLOTS_PER_CELL = 3_000;
const ROUNDS = 3;
const DATABASE = "bench_group_commit";

const RANK_BASE_QUERY = `SELECT CASE WHEN p.kind = 'ranking' THEN (SELECT count(*)::int FROM "PollOption" o WHERE o."pollId" = p.id) ELSE 0 END FROM "Poll" p WHERE p.id = p_poll_id`;

/** tableside_rank_base as it is (plpgsql, its plan kept per session) and as it was before (sql, planned on every call). */
const RANK_BASE = {
  production: `CREATE OR REPLACE FUNCTION tableside_rank_base(p_poll_id text) RETURNS int LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN (${RANK_BASE_QUERY}); END; $$`,
  before: `CREATE OR REPLACE FUNCTION tableside_rank_base(p_poll_id text) RETURNS int LANGUAGE sql STABLE AS $$ ${RANK_BASE_QUERY} $$`,
};
type Variant = keyof typeof RANK_BASE;

/**
 * The vote path's group commit on its own: Postgres CPU (the backend's /proc time) per ballot of
 * tableside_record_ballots, by batch size, sent one batch after another on one connection, as the Redis engine's
 * ledger does. Beside it, the same with the function's poll lookup planned on every call, as before 4 December
 * (docs/adr/0031). A database of its own in the bench's cluster, so redefining the function touches no other scenario.
 */
export const groupCommit: Scenario = {
  name: "groupCommit",
  inDefaultSuite: false,
  async run({ backing, progress }) {
    const databaseUrl = await freshDatabase(backing.databaseUrl);
    const server = await startServer("postgres", { databaseUrl, redisUrl: backing.redisUrl });
    const maker = new PollMaker(server.url, databaseUrl);
    const cpu: Record<string, number[]> = {};
    let voter = 0;
    try {
      const cells = ROUNDS * 2 * BATCH_SIZES.length;
      let done = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of ["production", "before"] as Variant[]) {
          await pgQuery(databaseUrl, RANK_BASE[variant]);
          for (const size of BATCH_SIZES) {
            progress(`batches of ${size}, ${variant}, round ${round + 1}/${ROUNDS}`, done++ / cells);
            const poll = await maker.openPoll({ optionCount: 5 });
            const ballot = (): AcceptedBallot => ({ pollId: poll.pollId, voterId: `g${voter++}`, optionIds: [poll.optionIds[voter % 5]], castAtMs: Date.now(), couponCode: null });
            (cpu[`${variant} ${size}`] ??= []).push(await postgresCpuPerBallot(databaseUrl, size, ballot));
          }
        }
      }
      await pgQuery(databaseUrl, RANK_BASE.production);
    } finally {
      await server.stop();
    }
    const of = (variant: Variant, size: number): Spread => spread(cpu[`${variant} ${size}`]);
    return {
      title: "Group commit: Postgres CPU per ballot",
      about: `tableside_record_ballots, the vote path's group commit, on one connection, batch after batch (${BALLOTS_PER_CELL.toLocaleString("en-US")} first votes per batch size, ${ROUNDS} rounds interleaved): the Postgres backend's CPU per ballot, against the same function with its poll lookup planned on every call (before 4 December).`,
      tables: [
        {
          title: "Postgres CPU per ballot, µs (median (min–max) of rounds)",
          head: ["ballots per batch", "production", "before: tableside_rank_base as sql", "production ÷ before"],
          rows: BATCH_SIZES.map((size) => [
            String(size),
            fmt.spread(of("production", size)),
            fmt.spread(of("before", size)),
            `${(of("production", size).median / of("before", size).median).toFixed(2)}×`,
          ]),
          notes: ["At 64 voters in flight on this machine the ledger's batches hold ~5–10 ballots (docs/adr/0031)."],
        },
      ],
      charts: [],
      data: { cpuMicrosPerBallot: cpu },
    };
  },
};

async function freshDatabase(clusterUrl: string): Promise<string> {
  await pgQuery(clusterUrl, `DROP DATABASE IF EXISTS ${DATABASE}`);
  await pgQuery(clusterUrl, `CREATE DATABASE ${DATABASE}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${DATABASE}`;
  await applyMigrations(url.toString());
  return url.toString();
}

/** A connection of its own, so its backend's CPU time is the batches' alone (its first plans included, as a new ledger connection pays them). */
async function postgresCpuPerBallot(databaseUrl: string, batchSize: number, ballot: () => AcceptedBallot): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const [{ pid }] = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
    const before = readProcStats(pid).cpuMs;
    for (let sent = 0; sent < BALLOTS_PER_CELL; sent += batchSize) await recordBallots(pool, Array.from({ length: batchSize }, ballot));
    return ((readProcStats(pid).cpuMs - before) * 1000) / BALLOTS_PER_CELL;
  } finally {
    await pool.end();
  }
}
