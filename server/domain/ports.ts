import type { PollResults } from "@/lib/schemas";
import type { PollWindow } from "./polls/definition";

/**
 * What the vote and poll use cases tell the live layer (server/live implements it); they know nothing else of
 * it, so the domain does not import live/ and live/ may read the domain's poll rules.
 */
export interface LiveAnnouncer {
  tallyChanged(pollId: string, results: PollResults): void;
  /** An open poll's answers or moderation changed: its cloud is read afresh for the next live tick. */
  answersChanged(pollId: string): void;
  /** The poll's status or schedule changed (open, close, reopen, extend): its restaurant's TV line-up changes too. */
  statusChanged(pollId: string, window: PollWindow, restaurantId: string): void;
  /** Something else the restaurant's TV shows changed (a special was set). */
  lineupChanged(restaurantId: string): void;
}
