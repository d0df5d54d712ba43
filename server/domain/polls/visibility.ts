import type { ResultsVisibility } from "@/lib/schemas";

export type Viewer = { isOwner: boolean; hasVoted: boolean; isClosed: boolean };

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
