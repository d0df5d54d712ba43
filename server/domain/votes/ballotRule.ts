/**
 * ONE_BALLOT_PER_VOTER, the rule every store spells (docs/adr/0028): a voter holds at most one ballot in a poll.
 * - A poll whose ballots do not change: the voter's first accepted ballot stands; any later one is `already_voted`.
 * - A poll with `changeableUntilClose`: while the poll is open, a different ballot replaces the voter's ballot in
 *   one atomic step (its options down, the new ones up, seq up, revision + 1); the same ballot again changes
 *   nothing. The ballot keeps its first cast time. After the close nothing changes.
 * - A coupon belongs to the voter's first accepted ballot: a change never wins one, never loses one.
 * Spelled in server/engine/redis/castVote.lua, and in Postgres by the Ballot unique key with tableside_cast_vote and
 * tableside_record_ballots (prisma/migrations); each of them names this rule in its header. An open poll's answer
 * follows it too: the OpenAnswer primary key with tableside_submit_answer (docs/adr/0029).
 */
export const ONE_BALLOT_PER_VOTER = "one ballot per voter" as const;

/** Which of a voter's accepted ballots counts. */
export const ballotThatCounts = (poll: { changeableUntilClose: boolean }): "first" | "last" =>
  poll.changeableUntilClose ? "last" : "first";
