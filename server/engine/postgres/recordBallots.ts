import { randomInt } from "node:crypto";
import pg from "pg";
import type { AcceptedBallot, RecordOutcome } from "../types";
import type { Db } from "../../infra/db/prisma";

const SHARDS = 16; // as the Postgres engine's tally stripes

const RECORD_BALLOTS = "SELECT * FROM tableside_record_ballots($1::jsonb, $2::int)";

type RecordedRow = { poll_id: string; voter_id: string; outcome: RecordOutcome["outcome"]; coupon: string | null };

/**
 * Where ballots are written: Prisma for the flusher and rebuilds, or a plain `pg` pool for the vote path's group
 * commit, where Prisma's raw-query machinery was a measured share of every vote's CPU (docs/adr/0004).
 */
export type BallotWriter = Db | pg.Pool;

/**
 * Writes a batch of accepted ballots, their coupons, tally counters and coupon stock in one transaction
 * (tableside_record_ballots). Idempotent: replaying a batch inserts nothing twice. Outcomes are in input order.
 */
export async function recordBallots(writer: BallotWriter, ballots: readonly AcceptedBallot[]): Promise<RecordOutcome[]> {
  if (ballots.length === 0) return [];
  const payload = JSON.stringify(
    ballots.map((b) => ({ p: b.pollId, v: b.voterId, o: b.optionIds.join(","), t: b.castAtMs, c: b.couponCode, r: b.revision ?? 1, u: b.changedAtMs ?? null })),
  );
  const shard = randomInt(SHARDS);
  const rows = await withRetry(async () =>
    writer instanceof pg.Pool
      ? (await writer.query<RecordedRow>(RECORD_BALLOTS, [payload, shard])).rows
      : writer.$queryRawUnsafe<RecordedRow[]>(RECORD_BALLOTS, payload, shard),
  );
  // Rows come in input order (one per input ballot): the same voter may come twice, with two revisions.
  return ballots.map((_, i) => (rows[i] ? { outcome: rows[i].outcome, couponCode: rows[i].coupon } : { outcome: "gone", couponCode: null }));
}

/** Deadlocks and serialization failures are worth one more try: the batch is idempotent. */
async function withRetry<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !/deadlock|could not serialize|40P01|40001/i.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 10 * attempt));
    }
  }
}
