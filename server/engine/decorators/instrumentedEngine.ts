import type { CastVoteOutcome, CastVoteRequest, VoteEngine } from "../types";
import { EngineDecorator } from "./engineDecorator";

export type VoteOutcomeLabel = CastVoteOutcome["status"] | "error";

/** What the instrumented engine reports about each vote; metrics/ implements it, the engine wing only calls it. */
export interface VoteObserver {
  voteDecided(outcome: VoteOutcomeLabel, seconds: number): void;
}

/** Reports every vote's outcome (accepted, already_voted, not_accepting, error) and its time, whatever the engine. */
export class InstrumentedEngine extends EngineDecorator {
  constructor(
    inner: VoteEngine,
    private readonly observer: VoteObserver,
  ) {
    super(inner);
  }

  async castVote(request: CastVoteRequest): Promise<CastVoteOutcome> {
    const started = performance.now();
    let outcome: VoteOutcomeLabel = "error";
    try {
      const decided = await this.inner.castVote(request);
      outcome = decided.status;
      return decided;
    } finally {
      this.observer.voteDecided(outcome, (performance.now() - started) / 1000);
    }
  }
}
