import type { PollResults } from "@/lib/schemas";
import { resultsFromRecord } from "../../server/engine/tally";
import type { CastVoteOutcome, CastVoteRequest, EnginePoll, VoteEngine } from "../../server/engine/types";
import type { Db } from "../../server/infra/db/prisma";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The naive peer, written the way the seed document writes its first method (a JPA `@Lock(PESSIMISTIC_WRITE)`
 * read, check, write, save): lock the poll row with `SELECT … FOR UPDATE`, look for the voter's ballot, insert it,
 * bump the counters, take a coupon, read the tally, commit. Every vote of a poll queues on that one row lock for
 * all of its round trips, which is why the real Postgres engine does none of this. Bench only: never served.
 */
export class PessimisticLockEngine implements VoteEngine {
  readonly name = "postgres" as const;

  constructor(private readonly db: Db) {}

  castVote({ poll, voterId, optionIds, couponCode, now }: CastVoteRequest): Promise<CastVoteOutcome> {
    return this.db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: string; opensAt: Date | null; closesAt: Date | null }[]>`
        SELECT status, "opensAt", "closesAt" FROM "Poll" WHERE id = ${poll.id} FOR UPDATE`;
      const open = row?.status === "open" && (!row.opensAt || now >= row.opensAt) && (!row.closesAt || now < row.closesAt);
      const voter = { pollId_voterId: { pollId: poll.id, voterId } };
      const existing = await tx.ballot.findUnique({ where: voter, select: { id: true } });
      if (!open && !existing) return { status: "not_accepting" };
      if (existing) {
        const coupon = await tx.coupon.findUnique({ where: voter, select: { code: true } });
        return { status: "already_voted", couponCode: coupon?.code ?? null, results: await readTally(tx, poll) };
      }
      await tx.ballot.create({ data: { pollId: poll.id, voterId, optionIds: [...optionIds], castAt: now } });
      for (const optionId of [...optionIds, ""]) {
        await tx.tallyCounter.upsert({
          where: { pollId_optionId_shard: { pollId: poll.id, optionId, shard: 0 } },
          create: { pollId: poll.id, optionId, shard: 0, count: 1 },
          update: { count: { increment: 1 } },
        });
      }
      let won: string | null = null;
      const promotion = await tx.promotion.findUnique({ where: { pollId: poll.id } });
      if (promotion && promotion.remaining > 0 && promotion.validUntil > now) {
        await tx.promotion.update({ where: { id: promotion.id }, data: { remaining: promotion.remaining - 1 } });
        await tx.coupon.create({ data: { promotionId: promotion.id, pollId: poll.id, voterId, code: couponCode, issuedAt: now } });
        won = couponCode;
      }
      return { status: "accepted", couponCode: won, results: await readTally(tx, poll) };
      // Votes queue on the poll's row lock as the seed's method makes them: on a busy machine longer than Prisma's
      // default 2 s wait and 5 s transaction, which failed the peer's votes instead of measuring them.
    }, { maxWait: 60_000, timeout: 60_000 });
  }

  async readResults(poll: EnginePoll): Promise<PollResults> {
    return readTally(this.db, poll);
  }

  async hasVoted(poll: EnginePoll, voterId: string): Promise<boolean> {
    return (await this.db.ballot.count({ where: { pollId: poll.id, voterId } })) > 0;
  }

  async pollScheduleChanged(): Promise<void> {}
  async pollDeleted(): Promise<void> {}

  async close(): Promise<void> {}
}

async function readTally(db: Db | Tx, poll: EnginePoll): Promise<PollResults> {
  const [{ tally }] = await db.$queryRaw<{ tally: Record<string, number> }[]>`SELECT tableside_read_tally(${poll.id}) AS tally`;
  return resultsFromRecord(poll.optionIds, tally);
}
