import type { PollResults } from "./schemas";

export type Standing = {
  id: string;
  label: string;
  count: number;
  /** This option's part of all votes, 0 to 1 (0 when nobody voted). */
  share: number;
  /** True for every option holding the most votes, once at least one vote is in; several on a tie. */
  leading: boolean;
};

/**
 * The options of a poll with their votes, in the poll's own order so bars do not jump around on a screen as the
 * lead changes. For a multiple-choice poll shares are of all choices made, so they still add up to 100%.
 */
export function standingsOf(options: readonly { id: string; label: string }[], results: PollResults | null): Standing[] {
  const counts = options.map((option) => results?.counts[option.id] ?? 0);
  const choices = counts.reduce((sum, count) => sum + count, 0);
  const most = Math.max(0, ...counts);
  return options.map((option, i) => ({
    id: option.id,
    label: option.label,
    count: counts[i],
    share: choices > 0 ? counts[i] / choices : 0,
    leading: most > 0 && counts[i] === most,
  }));
}

/** The options in the lead: one winner, several on a tie, none before the first vote. */
export function leadersOf(standings: readonly Standing[]): Standing[] {
  return standings.filter((standing) => standing.leading);
}
