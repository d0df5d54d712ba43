import type { PollResults } from "@/lib/schemas";
import { CHANGES_FIELD, resultsFromCounts } from "../tally";

/**
 * Every key of one poll shares the hash tag `{poll:ID}`, so one Lua script can touch them all on Redis Cluster.
 */
export function pollKeys(pollId: string) {
  const tag = `{poll:${pollId}}`;
  return {
    tag,
    meta: `${tag}:meta`,
    voters: `${tag}:voters`,
    tally: `${tag}:tally`,
    ballots: `${tag}:ballots`,
    winners: `${tag}:winners`,
    /** Changeable polls only: voterId -> "revision|first cast ms|opt1,opt2", the ballot that counts now. */
    held: `${tag}:held`,
    rebuildLock: `${tag}:rebuilding`,
  };
}

export type PollKeys = ReturnType<typeof pollKeys>;

/** The tally hash's field for the number of ballots; option ids never start with an underscore. */
export const TOTAL_FIELD = "_total";

/** Results from the tally hash as HGETALL replies it: [field, value, field, value, ...]. */
export function resultsFromFlatHash(optionIds: readonly string[], flat: readonly string[]): PollResults {
  const byField = new Map<string, number>();
  for (let i = 0; i < flat.length; i += 2) byField.set(flat[i], Number(flat[i + 1]));
  return resultsFromCounts(optionIds, (id) => byField.get(id) ?? 0, byField.get(TOTAL_FIELD) ?? 0, byField.get(CHANGES_FIELD) ?? 0);
}
