import type { PollResults, ResultsVisibility } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { findSessionOwner } from "../owners/sessions";
import { readPollWindow } from "./data";
import { effectiveStatus, type PollDefinition } from "./definition";

/**
 * Where a poll's results and "has this voter taken part" are read: the vote engine, or for an open poll its
 * answers (server/domain/answers/resultsSource.ts).
 */
export type PollResultsSource = {
  readResults(poll: PollDefinition): Promise<PollResults>;
  hasVoted(poll: PollDefinition, voterId: string): Promise<boolean>;
};

export type Viewer = { isOwner: boolean; hasVoted: boolean; isClosed: boolean };

/** Who is asking, as the request carries them: the owner's session token and the voter's verified id, if any. */
export type Visitor = { sessionToken: string | undefined; voterId: string | null };

/** Who may see a poll's results, as the owner chose when creating it. The owner always may. */
export function canSeeResults(visibility: ResultsVisibility, viewer: Viewer): boolean {
  if (viewer.isOwner) return true;
  switch (visibility) {
    case "live":
      return true;
    case "after_vote":
      return viewer.hasVoted || viewer.isClosed;
    case "after_close":
      return viewer.isClosed;
  }
}

/** Who is looking, as far as results visibility cares; decided once per request or subscription. */
export async function identifyViewer(db: Db, engine: PollResultsSource, poll: PollDefinition, visitor: Visitor): Promise<Omit<Viewer, "isClosed">> {
  if (poll.resultsVisibility === "live") return { isOwner: false, hasVoted: false };
  const owner = await findSessionOwner(db, visitor.sessionToken);
  return {
    isOwner: owner?.id === poll.ownerId,
    hasVoted: poll.resultsVisibility === "after_vote" && visitor.voterId !== null && (await engine.hasVoted(poll, visitor.voterId)),
  };
}

/** The tally, for whoever the poll's results visibility admits; null for everyone else. */
export async function readVisibleResults(db: Db, engine: PollResultsSource, poll: PollDefinition, visitor: Visitor): Promise<PollResults | null> {
  if (poll.resultsVisibility !== "live") {
    const status = effectiveStatus(await readPollWindow(db, poll.id), new Date());
    const viewer = { ...(await identifyViewer(db, engine, poll, visitor)), isClosed: status === "closed" };
    if (!canSeeResults(poll.resultsVisibility, viewer)) return null;
  }
  return engine.readResults(poll);
}

/**
 * Whether the room may not see the tally yet (a poll whose results show after votes or after the close, still
 * running). Whatever would let it count the votes, such as the coupons left of a first-N promotion, is withheld too.
 */
export async function tallyHiddenFromRoom(db: Db, poll: PollDefinition, now = new Date()): Promise<boolean> {
  if (poll.resultsVisibility === "live") return false;
  return effectiveStatus(await readPollWindow(db, poll.id), now) !== "closed";
}
