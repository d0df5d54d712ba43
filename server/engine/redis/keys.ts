/**
 * Every key of one poll shares the hash tag `{poll:ID}`, so one Lua script can touch them all on Redis Cluster.
 */
export function pollKeys(pollId: string) {
  const tag = `{poll:${pollId}}`;
  return {
    meta: `${tag}:meta`,
    voters: `${tag}:voters`,
    tally: `${tag}:tally`,
    ballots: `${tag}:ballots`,
    winners: `${tag}:winners`,
    rebuildLock: `${tag}:rebuilding`,
  };
}

export type PollKeys = ReturnType<typeof pollKeys>;

/** The tally hash's field for the number of ballots; option ids never start with an underscore. */
export const TOTAL_FIELD = "_total";
