import { RATING_STARS } from "@/lib/pollKinds";
import { DomainError } from "../errors";
import type { PollDefinition } from "../polls/definition";

/**
 * Checks a diner's choice against the poll before anything is counted: every option must belong to the poll,
 * none may repeat, and there may be no more than the poll allows (a ranking: any number of its options, in order;
 * a rating: one star of each rated thing, which is the poll itself or each of its dishes).
 */
export function validateChoice(poll: PollDefinition, optionIds: readonly string[]): void {
  if (optionIds.length === 0) throw new DomainError("BAD_REQUEST", "choose at least one option");
  if (new Set(optionIds).size !== optionIds.length) throw new DomainError("BAD_REQUEST", "an option was chosen twice");
  if (poll.kind === "open") throw new DomainError("BAD_REQUEST", "this poll takes a written answer");
  // A ranking orders some or all of the options, best first; the others get no points.
  const allowed =
    poll.kind === "ranking" ? poll.optionIds.length
    : poll.kind === "rating" ? Math.ceil(poll.optionIds.length / RATING_STARS)
    : poll.multipleChoice ? poll.maxChoices
    : 1;
  if (optionIds.length > allowed) {
    throw new DomainError("BAD_REQUEST", `choose at most ${allowed} option${allowed === 1 ? "" : "s"}`);
  }
  for (const optionId of optionIds) {
    if (!poll.optionIds.includes(optionId)) throw new DomainError("BAD_REQUEST", "unknown option for this poll");
  }
  if (poll.kind === "rating" && new Set(optionIds.map((id) => ratedThingOf(poll, id))).size !== optionIds.length) {
    throw new DomainError("BAD_REQUEST", "one star per dish");
  }
}

/**
 * The ballot as the engines store and compare it. A rating per dish's stars are kept in the poll's dish order, so
 * the same stars sent in another order are the same ballot (a repeat, not a change) under ONE_BALLOT_PER_VOTER;
 * a ranking's order is its meaning and stays as sent.
 */
export function ballotOf(poll: PollDefinition, optionIds: readonly string[]): readonly string[] {
  if (poll.kind !== "rating" || optionIds.length < 2) return optionIds;
  return [...optionIds].sort((a, b) => poll.optionIds.indexOf(a) - poll.optionIds.indexOf(b));
}

/** A rating's option at position p rates thing floor(p / 5) (lib/pollKinds.ts `ratingGroups`). */
const ratedThingOf = (poll: PollDefinition, optionId: string) => Math.floor(poll.optionIds.indexOf(optionId) / RATING_STARS);
