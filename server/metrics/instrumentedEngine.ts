import { EngineDecorator } from "../engine/engineDecorator";
import type { CastVoteOutcome, CastVoteRequest, VoteEngine } from "../engine/types";
import type { Counter, Histogram, MetricsRegistry } from "./registry";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counts every vote by outcome (accepted, already_voted, not_accepting, error) and times it, whatever the engine. */
export class InstrumentedEngine extends EngineDecorator {
  private readonly votes: Counter;
  private readonly latency: Histogram;

  constructor(inner: VoteEngine, metrics: MetricsRegistry) {
    super(inner);
    this.votes = metrics.counter("tableside_votes_total", "Votes cast, by outcome.");
    this.latency = metrics.histogram("tableside_vote_duration_seconds", "Time to decide a vote, in seconds.", LATENCY_BUCKETS);
  }

  async castVote(request: CastVoteRequest): Promise<CastVoteOutcome> {
    const started = performance.now();
    try {
      const outcome = await this.inner.castVote(request);
      this.votes.inc({ outcome: outcome.status });
      return outcome;
    } catch (error) {
      this.votes.inc({ outcome: "error" });
      throw error;
    } finally {
      this.latency.observe((performance.now() - started) / 1000);
    }
  }
}
