import { type CastVoteOutcome, type CastVoteRequest, EngineUnavailableError } from "../types";
import { EngineDecorator } from "./engineDecorator";

/** A vote that reached a server on its way down: nothing was counted, and the client may simply try again. */
export class ShuttingDownError extends EngineUnavailableError {
  constructor() {
    super("this server is shutting down: vote again in a moment");
    this.name = "ShuttingDownError";
  }
}

/**
 * Lets a graceful shutdown stop taking votes and then wait for the ones already being counted, so that every
 * vote this process answered `accepted` is committed before it drains the flusher and exits.
 */
export class ShutdownGate extends EngineDecorator {
  private open = true;
  private inFlight = 0;
  private readonly settled = new Set<() => void>();

  async castVote(request: CastVoteRequest): Promise<CastVoteOutcome> {
    if (!this.open) throw new ShuttingDownError();
    this.inFlight++;
    try {
      return await this.inner.castVote(request);
    } finally {
      if (--this.inFlight === 0) for (const wake of this.settled) wake();
    }
  }

  /** Refuses new votes; resolves when the votes in flight have been answered. */
  async stopTakingVotes(): Promise<void> {
    this.open = false;
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.settled.add(resolve));
    this.settled.clear();
  }
}
