import type { PollStatus } from "@/lib/schemas";
import type { PollDefinition } from "../domain/polls/definition";
import type { CastVoteOutcome, CastVoteRequest, VoteEngine } from "../engine/types";
import type { Counter, Histogram, MetricsRegistry } from "./registry";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counts every vote by outcome (accepted, already_voted, not_accepting, error) and times it, whatever the engine. */
export class InstrumentedEngine implements VoteEngine {
  private readonly votes: Counter;
  private readonly latency: Histogram;

  constructor(
    private readonly inner: VoteEngine,
    metrics: MetricsRegistry,
  ) {
    this.votes = metrics.counter("tableside_votes_total", "Votes cast, by outcome.");
    this.latency = metrics.histogram("tableside_vote_duration_seconds", "Time to decide a vote, in seconds.", LATENCY_BUCKETS);
  }

  get name() {
    return this.inner.name;
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

  readResults(poll: PollDefinition) {
    return this.inner.readResults(poll);
  }

  hasVoted(poll: PollDefinition, voterId: string) {
    return this.inner.hasVoted(poll, voterId);
  }

  pollStatusChanged(pollId: string, status: PollStatus) {
    return this.inner.pollStatusChanged(pollId, status);
  }

  close() {
    return this.inner.close();
  }
}
