import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { VoteOutcomeLabel } from "../engine/decorators/instrumentedEngine";
import type { Voting, VotingObserver } from "../engine/voting/voting";
import type { EngineName } from "../engine/types";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ENGINES: readonly EngineName[] = ["redis", "postgres"];

/**
 * The engine wing's figures: what it reports through VotingObserver becomes counters and a histogram; what it
 * holds (the engine in use, the flusher's lag) is read at scrape time once `watch` is given the wing.
 */
export class VotingMetrics implements VotingObserver {
  private readonly votes: Counter<"outcome">;
  private readonly latency: Histogram;
  private readonly switches: Counter<"to">;
  private readonly flushed: Counter;
  private readonly snapshots: Counter;

  constructor(private readonly registry: Registry) {
    const registers = [registry];
    this.votes = new Counter({ name: "tableside_votes_total", help: "Votes cast, by outcome.", labelNames: ["outcome"], registers });
    this.latency = new Histogram({
      name: "tableside_vote_duration_seconds",
      help: "Time to decide a vote, in seconds.",
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.switches = new Counter({
      name: "tableside_engine_switches_total",
      help: "Moves of voting between engines, by target engine.",
      labelNames: ["to"],
      registers,
    });
    this.flushed = new Counter({ name: "tableside_flusher_entries_total", help: "Ballot-stream entries this process's flusher recorded.", registers });
    this.snapshots = new Counter({ name: "tableside_snapshots_written_total", help: "Tally snapshots this process wrote.", registers });
  }

  voteDecided(outcome: VoteOutcomeLabel, seconds: number): void {
    this.votes.inc({ outcome });
    this.latency.observe(seconds);
  }

  engineSwitched(to: EngineName): void {
    this.switches.inc({ to });
  }

  ballotsFlushed(count: number): void {
    this.flushed.inc(count);
  }

  snapshotsWritten(count: number): void {
    this.snapshots.inc(count);
  }

  /** Gauges read from the wing when scraped: the value lives where it is kept, not copied here. */
  watch(voting: Voting): void {
    new Gauge({
      name: "tableside_vote_engine",
      help: "1 for the engine taking votes in this process.",
      labelNames: ["engine"],
      registers: [this.registry],
      collect() {
        for (const engine of ENGINES) this.set({ engine }, voting.engine.name === engine ? 1 : 0);
      },
    });
    new Gauge({
      name: "tableside_flusher_lag_seconds",
      help: "Age of the oldest ballot-stream entry in the flusher's last batch.",
      registers: [this.registry],
      collect() {
        this.set(voting.flusherLagMs() / 1000);
      },
    });
  }
}
