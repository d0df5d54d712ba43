import type { PollKind } from "@/lib/pollKinds";
import type { PollResults, PollStatus } from "@/lib/schemas";
import type { Rule } from "../limits/slidingWindow";

/**
 * What an engine needs to know of a poll: its id and its options, in display order. The rest of a poll's rules
 * (status, schedule, promotion) live with the engine's own state (Redis meta or the Poll row) and are checked
 * atomically with each vote, so they are not passed in. The domain's PollDefinition is a superset of this.
 */
export type EnginePoll = {
  readonly id: string;
  readonly optionIds: readonly string[];
  /** A ranking's options count Borda points (lib/pollKinds.ts); unset: choice. */
  readonly kind?: PollKind;
  /** The last ballot counts until the close (ONE_BALLOT_PER_VOTER, server/domain/votes/ballotRule.ts). */
  readonly changeableUntilClose?: boolean;
};

export type EngineName = "redis" | "postgres";

/**
 * The one place votes are counted. Two implementations keep the same contract (test/contract/voteEngineContract.ts):
 * Redis (one Lua script per vote) and Postgres alone (one SQL function call per vote).
 */
export interface VoteEngine {
  readonly name: EngineName;
  castVote(request: CastVoteRequest): Promise<CastVoteOutcome>;
  readResults(poll: EnginePoll): Promise<PollResults>;
  hasVoted(poll: EnginePoll, voterId: string): Promise<boolean>;
  /**
   * Called after the Poll row's status or schedule changed (open, close, reopen, extend), so the engine's own copy
   * follows at once. A copy never goes back to an older `schedule.version`, whatever order the calls arrive in.
   */
  pollScheduleChanged(pollId: string, schedule: PollSchedule): Promise<void>;
  /** Called after a draft poll was deleted: whatever the engine kept of it goes too. */
  pollDeleted(pollId: string): Promise<void>;
  close(): Promise<void>;
}

/** What the engines check on every vote besides the voter: the Poll row's status and schedule, and coupon validity. */
export type PollSchedule = {
  /** The Poll row's scheduleVersion: grows with every change (docs/adr/0013-poll-lifecycle.md). */
  version: number;
  status: PollStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  /** The promotion's validity (no coupon is won after it); null when the poll has no promotion. */
  couponsValidUntil: Date | null;
};

export type CastVoteRequest = {
  poll: EnginePoll;
  voterId: string;
  optionIds: readonly string[];
  /** A fresh code, used only if this vote wins a coupon. */
  couponCode: string;
  now: Date;
  /**
   * A rate limit this vote counts against, checked and counted atomically with the vote (the Redis engine does it
   * inside the vote's own script, under the poll's hash tag: one round trip, docs/adr/0010). Over the limit, nothing
   * is counted and the outcome is `rate_limited`. The key names the client (its address); the count is per poll.
   */
  limit?: VoteLimit;
};

export type VoteLimit = { key: string; rule: Rule };

export type CastVoteOutcome =
  | { status: "accepted" | "changed" | "already_voted"; results: PollResults; couponCode: string | null }
  | { status: "not_accepting" }
  | { status: "rate_limited"; retryAfterMs: number };

/**
 * The engine cannot take this vote now: the client may simply try again after `retryAfterMs` with the same
 * identity (the tRPC layer answers SERVICE_UNAVAILABLE), and a retry never counts a voter twice. Thrown by the
 * shutdown gate while the process stops, and by the failover engine while neither store answers.
 */
export class EngineUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs = 1_000,
  ) {
    super(message);
    this.name = "EngineUnavailableError";
  }
}

/** A ballot the Redis engine accepted, as the vote script appended it to the poll's stream. */
export type AcceptedBallot = {
  pollId: string;
  voterId: string;
  optionIds: readonly string[];
  /** The voter's first cast, whatever the revision. */
  castAtMs: number;
  /** The voter's first accepted ballot's coupon: a change carries it, so whichever revision lands first issues it. */
  couponCode: string | null;
  /** 1 for a first ballot; a change on a changeable poll counts up (docs/adr/0028). Unset: 1. */
  revision?: number;
  /** When a change was accepted (revision > 1). */
  changedAtMs?: number;
};

/**
 * What Postgres made of an accepted ballot: `inserted` now; `same`: recorded before (a replay); `other`: the
 * voter already had a different ballot, which stands (the Ballot unique key is the final word); `closed`: the
 * poll had closed before this ballot reached Postgres, so it does not count (docs/adr/0018); `gone`: the poll was
 * deleted. `couponCode` is the code Postgres holds for the voter, if any: Postgres holds the coupon stock, so it
 * can be null where Redis promised one.
 */
export type RecordOutcome = { outcome: "inserted" | "same" | "other" | "closed" | "gone"; couponCode: string | null };

/**
 * What the ledger made of a ballot: Postgres's outcome, or `deferred`: Postgres is away (unreachable, restarting,
 * hung past the commit's deadline), and the ballot waits in its poll's stream, where the flusher records it once
 * Postgres is back (docs/adr/0016).
 */
export type LedgerOutcome = RecordOutcome | { outcome: "deferred"; couponCode: null };

/** Where the Redis engine makes an accepted ballot durable before it answers `accepted` (redis/ledger/). */
export interface BallotLedger {
  record(ballot: AcceptedBallot & { streamEntryId: string }): Promise<LedgerOutcome>;
}
