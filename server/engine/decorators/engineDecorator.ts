import type { PollStatus } from "@/lib/schemas";
import type { CastVoteOutcome, CastVoteRequest, EnginePoll, VoteEngine } from "../types";

/**
 * A vote engine wrapped to add one concern around `castVote` (metrics, the shutdown gate); everything else passes
 * straight to the engine inside.
 */
export abstract class EngineDecorator implements VoteEngine {
  constructor(protected readonly inner: VoteEngine) {}

  get name() {
    return this.inner.name;
  }

  abstract castVote(request: CastVoteRequest): Promise<CastVoteOutcome>;

  readResults(poll: EnginePoll) {
    return this.inner.readResults(poll);
  }

  hasVoted(poll: EnginePoll, voterId: string) {
    return this.inner.hasVoted(poll, voterId);
  }

  pollStatusChanged(pollId: string, status: PollStatus) {
    return this.inner.pollStatusChanged(pollId, status);
  }

  close() {
    return this.inner.close();
  }
}
