import { randomInt } from "node:crypto";
import type pg from "pg";
import type { PollResults } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { MemoryRateLimiter, type RateLimiter } from "../../limits/rateLimiter";
import { resultsFromRecord } from "../tally";
import type { CastVoteOutcome, CastVoteRequest, EnginePoll, VoteEngine } from "../types";

/** Counter stripes per option: enough that concurrent votes rarely wait on the same row (see the migration). */
const TALLY_SHARDS = 16;

type CastVoteRow = {
  result: { status: "accepted" | "changed" | "already_voted" | "not_accepting" | "engine_moved"; coupon: string | null; tally?: Record<string, number> };
};

const CAST_VOTE = "SELECT tableside_cast_vote($1, $2, $3::text[], $4, $5::int, $6::timestamptz) AS result";

const FENCED_CAST_VOTE = `
  SELECT CASE WHEN tableside_engine_is('postgres')
    THEN tableside_cast_vote($1, $2, $3::text[], $4, $5::int, $6::timestamptz)
    ELSE '{"status":"engine_moved"}'::jsonb END AS result`;

/** A fenced vote found that the processes have moved back to Redis: nothing was counted, cast it there. */
export class EngineMovedError extends Error {
  constructor() {
    super("votes are taken by the Redis engine again");
    this.name = "EngineMovedError";
  }
}

/**
 * Postgres alone: each vote is one call of the SQL function `tableside_cast_vote`, one round trip and one
 * transaction (prisma/migrations/20261124000100_cast_vote_function). Serves when no Redis is configured and
 * while Redis is down. `fenced` (during a Redis outage): a vote counts only while the shared engine state says
 * Postgres, checked under the engine fence in the same transaction (docs/adr/0005-redis-failover.md).
 */
export class PostgresVoteEngine implements VoteEngine {
  readonly name = "postgres" as const;

  constructor(
    private readonly db: Db,
    /**
     * Where the vote's one statement goes: a plain `pg` pool. Prisma's raw-query path costs more CPU than the vote
     * (docs/adr/0004, 0031); this engine carries every vote without Redis and during a Redis outage (0017).
     */
    private readonly votePool: pg.Pool,
    private readonly fenced = false,
    /** Counts a vote's rate limit (per process, as the limiter does while Redis is away: docs/adr/0010). */
    private readonly limiter: RateLimiter = new MemoryRateLimiter(),
  ) {}

  async castVote({ poll, voterId, optionIds, couponCode, now, limit }: CastVoteRequest): Promise<CastVoteOutcome> {
    if (limit) {
      const decision = await this.limiter.consume(`votes:${poll.id}:${limit.key}`, limit.rule, now.getTime());
      if (!decision.allowed) return { status: "rate_limited", retryAfterMs: decision.retryAfterMs };
    }
    const params = [poll.id, voterId, optionIds, couponCode, randomInt(TALLY_SHARDS), now];
    const statement = this.fenced ? FENCED_CAST_VOTE : CAST_VOTE;
    const [{ result }] = (await this.votePool.query<CastVoteRow>(statement, params)).rows;
    if (result.status === "engine_moved") throw new EngineMovedError();
    if (result.status === "not_accepting") return { status: "not_accepting" };
    return {
      status: result.status,
      couponCode: result.coupon,
      results: resultsFromRecord(poll.optionIds, result.tally ?? {}),
    };
  }

  async readResults(poll: EnginePoll): Promise<PollResults> {
    const [{ tally }] = await this.db.$queryRaw<{ tally: Record<string, number> }[]>`
      SELECT tableside_read_tally(${poll.id}) AS tally`;
    return resultsFromRecord(poll.optionIds, tally);
  }

  async hasVoted(poll: EnginePoll, voterId: string): Promise<boolean> {
    return (await this.db.ballot.count({ where: { pollId: poll.id, voterId } })) > 0;
  }

  async pollScheduleChanged(): Promise<void> {
    // The Poll row is this engine's own view of the status and schedule, read under the poll's lock: nothing to follow.
  }

  async pollDeleted(): Promise<void> {
    // Deleting the Poll row deleted everything this engine kept of it.
  }

  async close(): Promise<void> {}
}
