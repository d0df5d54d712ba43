import type { PollStatus } from "@/lib/schemas";
import { DomainError } from "../../domain/errors";
import type { PollDefinition } from "../../domain/polls/definition";
import type { CastVoteOutcome, CastVoteRequest, VoteEngine } from "../types";

/** A vote that reached a server on its way down: nothing was counted, and the client may simply try again. */
export class ShuttingDownError extends DomainError {
  constructor() {
    super("SERVICE_UNAVAILABLE", "this server is shutting down: vote again in a moment");
    this.name = "ShuttingDownError";
  }
}

/**
 * Lets a graceful shutdown stop taking votes and then wait for the ones already being counted, so that every
 * vote this process answered `accepted` is committed before it drains the flusher and exits.
 */
export class ShutdownGate implements VoteEngine {
  private open = true;
  private inFlight = 0;
  private readonly settled = new Set<() => void>();

  constructor(private readonly inner: VoteEngine) {}

  get name() {
    return this.inner.name;
  }

  async castVote(request: CastVoteRequest): Promise<CastVoteOutcome> {
    if (!this.open) throw new ShuttingDownError();
    this.inFlight++;
    try {
      return await this.inner.castVote(request);
    } finally {
      if (--this.inFlight === 0) for (const wake of this.settled) wake();
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Refuses new votes; resolves when the votes in flight have been answered. */
  async stopTakingVotes(): Promise<void> {
    this.open = false;
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.settled.add(resolve));
    this.settled.clear();
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
}
