import { rankBase } from "@/lib/pollKinds";
import type { PollResults } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import type { AcceptedBallot, BallotLedger, CastVoteOutcome, CastVoteRequest, EnginePoll, PollSchedule, VoteEngine, VoteLimit } from "../types";
import type { VoterBloomPrecheck } from "./bloomPrecheck";
import { pollKeys, resultsFromFlatHash } from "./keys";
import { rebuildPoll } from "./rebuildPoll";
import { staleAfterRecord } from "./staleAfterRecord";
import { limitedRetryAfterMs, voteLimitArgs } from "./voteLimitArgs";
import type { ScriptedRedis } from "./scripts";

const REBUILD_WAIT_MS = 20;
const MAX_REBUILD_WAITS = 1_500; // 30 s: a rebuild of a very large poll, with margin

/**
 * Redis decides each vote in one Lua script (castVote.lua); an accepted ballot is committed to Postgres through
 * the ledger before the answer (docs/adr/0004). Without a ledger the answer comes straight from Redis and
 * Postgres learns of the ballot from the stream flusher alone (measured for the ADR, not for production).
 */
export class RedisVoteEngine implements VoteEngine {
  readonly name = "redis" as const;

  constructor(
    private readonly redis: ScriptedRedis,
    private readonly db: Db,
    /** The Bloom pre-check of the duplicate path (docs/adr/0002), or null: off unless the wing is given one. */
    private readonly precheck: VoterBloomPrecheck | null,
    private readonly ledger: BallotLedger | null = null,
  ) {}

  async castVote(request: CastVoteRequest): Promise<CastVoteOutcome> {
    const { poll, voterId, optionIds, couponCode, now } = request;
    let limit = request.limit;
    // On a changeable poll a voter who voted may still change: the pre-check never answers for the script there.
    if (!poll.changeableUntilClose && this.precheck?.mayHaveVoted(poll.id, voterId)) {
      const duplicate = await this.confirmDuplicate(poll, voterId, limit, now.getTime());
      if (duplicate) return duplicate;
      limit = undefined; // counted by the confirmation already
    }
    const k = pollKeys(poll.id);
    const limited = voteLimitArgs(k.tag, limit, now.getTime());
    for (let wait = 0; ; wait++) {
      const reply = await this.redis.castVote(
        k.meta, k.voters, k.tally, k.ballots, k.winners, ...limited.keys, k.held,
        voterId, String(now.getTime()), couponCode, ...limited.argv,
        poll.changeableUntilClose ? "1" : "0", String(rankBase(poll.kind ?? "choice", poll.optionIds.length)),
        ...optionIds,
      );
      if (reply[0] === "rate_limited" && limit) {
        const [, previous, current] = reply as [string, number, number];
        return { status: "rate_limited", retryAfterMs: limitedRetryAfterMs(limit, now.getTime(), previous, current) };
      }
      const [outcome, coupon, tally, streamEntryId, revision, firstCastMs] = reply as [string, string | null | undefined, string[] | undefined, string | undefined, number | undefined, string | undefined];
      if (outcome === "not_loaded") {
        await this.waitForRebuild(poll.id, wait);
        continue;
      }
      if (outcome === "not_accepting") return { status: "not_accepting" };
      this.precheck?.remember(poll.id, voterId);
      const results = resultsFromFlatHash(poll.optionIds, tally ?? []);
      if ((outcome === "accepted" || outcome === "changed") && this.ledger && streamEntryId) {
        const ballot: AcceptedBallot = { pollId: poll.id, voterId, optionIds, castAtMs: now.getTime(), couponCode: coupon ?? null };
        // A change keeps the first cast time; Postgres applies it only over an older revision (docs/adr/0028).
        if (outcome === "changed") Object.assign(ballot, { castAtMs: Number(firstCastMs), revision: Number(revision), changedAtMs: now.getTime() });
        const recorded = await this.ledger.record({ ...ballot, streamEntryId });
        // Postgres is away: the ballot waits in the stream for the flusher (docs/adr/0016). Whether it wins a
        // coupon is Postgres's word (docs/adr/0018), so none is promised now; the poll page shows it once recorded.
        if (recorded.outcome === "deferred") return { status: outcome, couponCode: null, results };
        if (recorded.outcome === "gone") return { status: "not_accepting" };
        // Postgres's word stands; where it differs from the script's, this poll's Redis state is rebuilt from it.
        if (staleAfterRecord(ballot, recorded)) await this.redis.hdel(k.meta, "ready");
        // The poll closed before this ballot reached Postgres: it does not count (docs/adr/0018).
        if (recorded.outcome === "closed") return { status: "not_accepting" };
        // Another ballot of this voter (cast on the Postgres engine during an outage) stands.
        if (recorded.outcome === "other") return { status: "already_voted", couponCode: recorded.couponCode, results };
        return { status: outcome, couponCode: recorded.couponCode, results };
      }
      return { status: outcome === "accepted" || outcome === "changed" ? outcome : "already_voted", couponCode: coupon ?? null, results };
    }
  }

  async readResults(poll: EnginePoll): Promise<PollResults> {
    const k = pollKeys(poll.id);
    for (let wait = 0; ; wait++) {
      const [ready, tally] = unwrap(await this.redis.pipeline().hget(k.meta, "ready").hgetall(k.tally).exec()) as [
        string | null,
        Record<string, string>,
      ];
      if (ready === "1") return resultsFromFlatHash(poll.optionIds, Object.entries(tally).flat());
      await this.waitForRebuild(poll.id, wait);
    }
  }

  async hasVoted(poll: EnginePoll, voterId: string): Promise<boolean> {
    await this.readResults(poll); // makes sure the voter set was rebuilt if Redis lost it
    return (await this.redis.sismember(pollKeys(poll.id).voters, voterId)) === 1;
  }

  /** One script writes status and schedule together, so a vote sees either the old window or the new one. */
  async pollScheduleChanged(pollId: string, schedule: PollSchedule): Promise<void> {
    const k = pollKeys(pollId);
    await this.redis.setSchedule(
      k.meta, k.voters, k.tally, k.winners,
      String(schedule.version),
      schedule.status,
      String(schedule.opensAt?.getTime() ?? 0),
      String(schedule.closesAt?.getTime() ?? 0),
      schedule.couponsValidUntil ? String(schedule.couponsValidUntil.getTime()) : "",
    );
  }

  async pollDeleted(pollId: string): Promise<void> {
    const k = pollKeys(pollId);
    await this.redis.del(k.meta, k.voters, k.tally, k.ballots, k.winners, k.held);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }

  /**
   * The Bloom filter said "maybe voted": confirm with read-only commands in one round trip, which also counts the
   * vote's rate limit (the limiter's script on the vote's keys). Only a confirmed duplicate or a refused limit is
   * answered here; a false positive returns null and goes on to the vote script, its limit counted.
   */
  private async confirmDuplicate(poll: EnginePoll, voterId: string, limit: VoteLimit | undefined, nowMs: number): Promise<CastVoteOutcome | null> {
    const k = pollKeys(poll.id);
    const limited = voteLimitArgs(k.tag, limit, nowMs);
    const pipeline = this.redis.pipeline();
    if (limit) pipeline.slidingWindow(...limited.keys, ...limited.argv, "1");
    const replies = unwrap(await pipeline.hget(k.meta, "ready").sismember(k.voters, voterId).hget(k.winners, voterId).hgetall(k.tally).exec());
    if (limit) {
      const [allowed, previous, current] = replies.shift() as [number, number, number];
      if (allowed !== 1) return { status: "rate_limited", retryAfterMs: limitedRetryAfterMs(limit, nowMs, previous, current) };
    }
    const [ready, member, coupon, tally] = replies as [string | null, number, string | null, Record<string, string>];
    if (ready !== "1" || member !== 1) return null;
    return { status: "already_voted", couponCode: coupon, results: resultsFromFlatHash(poll.optionIds, Object.entries(tally).flat()) };
  }

  private async waitForRebuild(pollId: string, waitsSoFar: number): Promise<void> {
    if (waitsSoFar >= MAX_REBUILD_WAITS) throw new Error(`poll ${pollId}: Redis state was not rebuilt in time`);
    if (!(await rebuildPoll(this.redis, this.db, pollId))) await new Promise((r) => setTimeout(r, REBUILD_WAIT_MS));
  }
}

/** A pipeline's replies, or the first error among them. */
function unwrap(replies: [Error | null, unknown][] | null): unknown[] {
  if (!replies) throw new Error("Redis pipeline was discarded");
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
