import type { PollResults, PollStatus } from "@/lib/schemas";

/**
 * What the vote and poll use cases tell the live layer (server/live implements it); they know nothing else of
 * it, so the domain does not import live/ and live/ may read the domain's poll rules.
 */
export interface LiveAnnouncer {
  tallyChanged(pollId: string, results: PollResults): void;
  statusChanged(pollId: string, status: PollStatus): void;
}
