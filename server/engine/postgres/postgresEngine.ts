import { randomInt } from "node:crypto";
import type { PollResults } from "@/lib/schemas";
import type { PollDefinition } from "../../domain/polls/definition";
import type { Db } from "../../infra/db/prisma";
import { resultsFromRecord } from "../tally";
import type { CastVoteOutcome, CastVoteRequest, VoteEngine } from "../types";

/** Counter stripes per option: enough that concurrent votes rarely wait on the same row (see the migration). */
const TALLY_SHARDS = 16;

type CastVoteRow = {
  result: { status: "accepted" | "already_voted" | "not_accepting"; coupon: string | null; tally?: Record<string, number> };
};

/**
 * Postgres alone: each vote is one call of the SQL function `tableside_cast_vote`, one round trip and one
 * transaction (prisma/migrations/20261124000100_cast_vote_function). Serves when no Redis is configured and
 * while Redis is down.
 */
export class PostgresVoteEngine implements VoteEngine {
  readonly name = "postgres" as const;

  constructor(private readonly db: Db) {}

  async castVote({ poll, voterId, optionIds, couponCode, now }: CastVoteRequest): Promise<CastVoteOutcome> {
    const [{ result }] = await this.db.$queryRaw<CastVoteRow[]>`
      SELECT tableside_cast_vote(${poll.id}, ${voterId}, ${optionIds as string[]}::text[], ${couponCode},
                                 ${randomInt(TALLY_SHARDS)}::int, ${now}::timestamptz) AS result`;
    if (result.status === "not_accepting") return { status: "not_accepting" };
    return {
      status: result.status,
      couponCode: result.coupon,
      results: resultsFromRecord(poll.optionIds, result.tally ?? {}),
    };
  }

  async readResults(poll: PollDefinition): Promise<PollResults> {
    const [{ tally }] = await this.db.$queryRaw<{ tally: Record<string, number> }[]>`
      SELECT tableside_read_tally(${poll.id}) AS tally`;
    return resultsFromRecord(poll.optionIds, tally);
  }

  async hasVoted(poll: PollDefinition, voterId: string): Promise<boolean> {
    return (await this.db.ballot.count({ where: { pollId: poll.id, voterId } })) > 0;
  }

  async pollStatusChanged(): Promise<void> {
    // The Poll row is this engine's own view of the status: nothing to follow.
  }

  async close(): Promise<void> {}
}
