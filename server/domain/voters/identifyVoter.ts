import type { PollDefinition } from "../polls/definition";
import { voterOfBallotCode } from "../polls/ballotCodes";

/**
 * Who is voting in a poll: on a poll with printed ballot codes the code is the voter (one code, one vote,
 * whatever the browser); on any other poll, the browser's signed identity. Null when neither is at hand.
 */
export function identifyVoter(poll: PollDefinition, secret: string, browserVoterId: string | null, ballotCode?: string): string | null {
  if (poll.ballotCodes === null) return browserVoterId;
  return ballotCode ? voterOfBallotCode(secret, poll.id, poll.ballotCodes, ballotCode) : null;
}
