import "server-only";
import { decorateEngine } from "../decorators/decorate";
import { PostgresVoteEngine } from "../postgres/postgresEngine";
import type { VoteEngine } from "../types";
import type { Voting, VotingParts } from "./voting";

export type PostgresVotingOptions = {
  /** The counting engine; default: the Postgres engine. A bench passes its naive peer here. */
  engine?: VoteEngine;
};

/** No Redis configured: the Postgres engine alone, behind the same decorators. */
export async function createPostgresVoting({ db, observer }: VotingParts, options: PostgresVotingOptions = {}): Promise<Voting> {
  const engine = decorateEngine(options.engine ?? new PostgresVoteEngine(db), observer);
  return {
    engine,
    flusherLagMs: () => 0,
    drain: () => engine.stopTakingVotes(),
    close: () => engine.close(),
  };
}
