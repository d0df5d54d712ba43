import "server-only";
import pg from "pg";
import { DEADLINES } from "../../infra/db/prisma";
import { pgConfigFromUrl } from "../../infra/db/pgConfig";
import { decorateEngine } from "../decorators/decorate";
import { PostgresVoteEngine } from "../postgres/postgresEngine";
import type { VoteEngine } from "../types";
import type { Voting, VotingParts } from "./voting";

export type PostgresVotingOptions = {
  /** The counting engine; default: the Postgres engine. A bench passes its naive peer here. */
  engine?: VoteEngine;
};

/** Connections the votes have to themselves: Prisma's pool stays for the pages, neither queues behind the other. */
const VOTE_CONNECTIONS = 8;

/**
 * No Redis configured: the Postgres engine alone, behind the same decorators. Its votes go through a plain `pg`
 * pool: Prisma's raw-query path was a measured share of every vote's CPU (docs/adr/0031).
 */
export async function createPostgresVoting({ db, databaseUrl, log, observer }: VotingParts, options: PostgresVotingOptions = {}): Promise<Voting> {
  let counting = options.engine;
  let votePool: pg.Pool | null = null;
  if (!counting) {
    votePool = new pg.Pool(pgConfigFromUrl(databaseUrl, { max: VOTE_CONNECTIONS, ...DEADLINES }));
    votePool.on("error", (error) => log.warn("vote connection", { err: error })); // an idle connection dropped: replaced
    counting = new PostgresVoteEngine(db, votePool);
  }
  const engine = decorateEngine(counting, observer);
  return {
    engine,
    flusherLagMs: () => 0,
    drain: () => engine.stopTakingVotes(),
    async close() {
      await engine.close();
      await votePool?.end();
    },
  };
}
