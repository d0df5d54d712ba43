import type { CastVoteOutcome, CastVoteRequest, EnginePoll, PollSchedule, VoteEngine } from "../types";

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

  pollScheduleChanged(pollId: string, schedule: PollSchedule) {
    return this.inner.pollScheduleChanged(pollId, schedule);
  }

  pollDeleted(pollId: string) {
    return this.inner.pollDeleted(pollId);
  }

  close() {
    return this.inner.close();
  }
}
