import type { PollKind } from "@/lib/pollKinds";
import type { PollStatus, ResultsVisibility } from "@/lib/schemas";

/**
 * What the vote path needs to know of a poll. Everything here is fixed once the poll has opened, so a process may
 * cache it (drafts, which can still be edited, are not cached). Status and schedule change (close, reopen, extend):
 * they are a `PollWindow`, read fresh, and the engine keeps its own copy, checked atomically with each vote.
 */
export type PollDefinition = {
  id: string;
  slug: string;
  restaurantId: string;
  ownerId: string;
  question: string;
  /** What the poll asks (lib/pollKinds.ts). */
  kind: PollKind;
  /** A voter may replace their ballot until the poll closes; the last one counts (docs/adr/0028). */
  changeableUntilClose: boolean;
  multipleChoice: boolean;
  maxChoices: number;
  optionIds: readonly string[];
  resultsVisibility: ResultsVisibility;
  /** When set, votes come only from printed ballot codes 1..ballotCodes (see ballotCodes.ts). */
  ballotCodes: number | null;
  /** Only votes with the screen's room code or a table card's code count (domain/presence/). */
  presenceRequired: boolean;
  /** Printed table cards 1..tableCards; null: none. */
  tableCards: number | null;
};

export type PollWindow = { status: PollStatus; opensAt: Date | null; closesAt: Date | null };

/** The status a person should see: an open poll past its closing time reads as closed. */
export function effectiveStatus(poll: PollWindow, now: Date): PollStatus | "scheduled" {
  if (poll.status !== "open") return poll.status;
  if (poll.closesAt && now >= poll.closesAt) return "closed";
  if (poll.opensAt && now < poll.opensAt) return "scheduled";
  return "open";
}
