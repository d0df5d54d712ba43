import { DomainError } from "../errors";
import type { PollDefinition } from "../polls/definition";

/**
 * Checks a diner's choice against the poll before anything is counted: every option must belong to the poll,
 * none may repeat, and there may be no more than the poll allows (a ranking: any number of its options, in order).
 */
export function validateChoice(poll: PollDefinition, optionIds: readonly string[]): void {
  if (optionIds.length === 0) throw new DomainError("BAD_REQUEST", "choose at least one option");
  if (new Set(optionIds).size !== optionIds.length) throw new DomainError("BAD_REQUEST", "an option was chosen twice");
  if (poll.kind === "open") throw new DomainError("BAD_REQUEST", "this poll takes a written answer");
  // A ranking orders some or all of the options, best first; the others get no points.
  const allowed = poll.kind === "ranking" ? poll.optionIds.length : poll.multipleChoice ? poll.maxChoices : 1;
  if (optionIds.length > allowed) {
    throw new DomainError("BAD_REQUEST", `choose at most ${allowed} option${allowed === 1 ? "" : "s"}`);
  }
  for (const optionId of optionIds) {
    if (!poll.optionIds.includes(optionId)) throw new DomainError("BAD_REQUEST", "unknown option for this poll");
  }
}
