import type { AcceptedBallot, RecordOutcome } from "../types";

/**
 * Whether Postgres, the final word, made something else of a ballot than the vote script did, so the poll's Redis
 * state (voter set, tally, winners, coupon stock) is wrong and must be rebuilt: the voter had another ballot, the
 * poll had closed before the ballot reached Postgres, or Postgres's coupon stock ran out first (docs/adr/0018).
 */
export function staleAfterRecord(ballot: AcceptedBallot, recorded: RecordOutcome): boolean {
  if (recorded.outcome === "other" || recorded.outcome === "closed") return true;
  if (recorded.outcome === "gone") return false;
  return (ballot.couponCode ?? null) !== recorded.couponCode;
}
