import { DomainError } from "../errors";
import type { PollDefinition } from "../polls/definition";

/**
 * Checks a diner's choice against the poll before anything is counted: every option must belong to the poll,
 * none may repeat, and there may be no more than the poll allows.
 */
export function validateChoice(poll: PollDefinition, optionIds: readonly string[]): void {
  if (optionIds.length === 0) throw new DomainError("BAD_REQUEST", "choose at least one option");
  if (new Set(optionIds).size !== optionIds.length) throw new DomainError("BAD_REQUEST", "an option was chosen twice");
  const allowed = poll.multipleChoice ? poll.maxChoices : 1;
  if (optionIds.length > allowed) {
    throw new DomainError("BAD_REQUEST", `choose at most ${allowed} option${allowed === 1 ? "" : "s"}`);
  }
  for (const optionId of optionIds) {
    if (!poll.optionIds.includes(optionId)) throw new DomainError("BAD_REQUEST", "unknown option for this poll");
  }
}
