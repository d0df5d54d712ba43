import type { PollResults, PollStatus } from "@/lib/schemas";
import type { PollDefinition } from "../domain/polls/definition";

/**
 * The one place votes are counted. Two implementations keep the same contract (test/engineContract.ts):
 * Redis (one Lua script per vote) and Postgres alone (one SQL function call per vote).
 */
export interface VoteEngine {
  readonly name: "redis" | "postgres";
  castVote(request: CastVoteRequest): Promise<CastVoteOutcome>;
  readResults(poll: PollDefinition): Promise<PollResults>;
  hasVoted(poll: PollDefinition, voterId: string): Promise<boolean>;
  /** Called after the Poll row's status changed, so the engine's own view of the poll follows at once. */
  pollStatusChanged(pollId: string, status: PollStatus): Promise<void>;
  close(): Promise<void>;
}

export type CastVoteRequest = {
  poll: PollDefinition;
  voterId: string;
  optionIds: readonly string[];
  /** A fresh code, used only if this vote wins a coupon. */
  couponCode: string;
  now: Date;
};

export type CastVoteOutcome =
  | { status: "accepted" | "already_voted"; results: PollResults; couponCode: string | null }
  | { status: "not_accepting" };

/** A ballot the Redis engine accepted, as the vote script appended it to the poll's stream. */
export type AcceptedBallot = {
  pollId: string;
  voterId: string;
  optionIds: readonly string[];
  castAtMs: number;
  couponCode: string | null;
};

/**
 * What Postgres made of an accepted ballot: `inserted` now; `same`: recorded before (a replay); `other`: the
 * voter already had a different ballot, which stands (the Ballot unique key is the final word); `gone`: the poll
 * was deleted. `couponCode` is the code Postgres holds for the voter, if any.
 */
export type RecordOutcome = { outcome: "inserted" | "same" | "other" | "gone"; couponCode: string | null };

/** Where the Redis engine makes an accepted ballot durable before it answers `accepted` (server/flush). */
export interface BallotLedger {
  record(ballot: AcceptedBallot & { streamEntryId: string }): Promise<RecordOutcome>;
}
