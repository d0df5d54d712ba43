import { randomFillSync } from "node:crypto";
import { COUPON_CODE_ALPHABET, COUPON_CODE_LENGTH } from "@/lib/couponCode";
import type { PollResults, VoteStatus } from "@/lib/schemas";
import type { VoteEngine, VoteLimit } from "../../engine/types";
import type { LiveAnnouncer } from "../ports";
import { DomainError } from "../errors";
import type { PollDefinition } from "../polls/definition";
import { canSeeResults } from "../polls/visibility";
import { ballotOf, validateChoice } from "./choice";

export type CastVoteResult = {
  status: VoteStatus;
  /** Present when the poll lets a voter see results right after voting. */
  results: PollResults | null;
  coupon: { code: string } | null;
};

/**
 * A diner's vote: check the choice against the poll, then let the engine count it atomically, with the client's
 * rate limit (`limit`) counted in the same step. Nothing is counted unless the engine accepts; a refusal becomes a
 * typed error.
 */
export async function castVote(
  engine: VoteEngine,
  live: LiveAnnouncer,
  poll: PollDefinition,
  voterId: string,
  optionIds: readonly string[],
  { limit, now = new Date() }: { limit?: VoteLimit; now?: Date } = {},
): Promise<CastVoteResult> {
  validateChoice(poll, optionIds);
  const outcome = await engine.castVote({ poll, voterId, optionIds: ballotOf(poll, optionIds), couponCode: newCouponCode(), now, limit });
  if (outcome.status === "not_accepting") {
    throw new DomainError("PRECONDITION_FAILED", "this poll is not taking votes");
  }
  if (outcome.status === "rate_limited") {
    const retryAfterSeconds = Math.ceil(outcome.retryAfterMs / 1000);
    throw new DomainError("TOO_MANY_REQUESTS", `too many requests: try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
  if (outcome.status === "accepted" || outcome.status === "changed") live.tallyChanged(poll.id, outcome.results);
  const visible = canSeeResults(poll.resultsVisibility, { isOwner: false, hasVoted: true, isClosed: false });
  return {
    status: outcome.status,
    results: visible ? outcome.results : null,
    coupon: outcome.couponCode ? { code: outcome.couponCode } : null,
  };
}

// 12 characters of Crockford's alphabet carry 60 bits, so codes never collide in practice and cannot be guessed
// at the counter. Every vote carries a code (the script issues it only if the vote wins one), and a call into the
// CSPRNG per vote cost ~10 µs, 2 % of a vote's CPU (docs/adr/0031): the bytes are drawn 512 codes at a time into a
// buffer of this process, as Node's randomUUID does, and each byte is used once.
const randomPool = Buffer.alloc(COUPON_CODE_LENGTH * 512);
let poolOffset = randomPool.length;

export function newCouponCode(): string {
  if (poolOffset + COUPON_CODE_LENGTH > randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  let code = "";
  for (let i = poolOffset; i < poolOffset + COUPON_CODE_LENGTH; i++) code += COUPON_CODE_ALPHABET[randomPool[i] & 31];
  poolOffset += COUPON_CODE_LENGTH;
  return code;
}
