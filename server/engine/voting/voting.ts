import type { VoteObserver } from "../decorators/instrumentedEngine";
import type { RedisHealth } from "../redis/redisHealth";
import type { ScriptedRedis } from "../redis/scripts";
import type { Db } from "../../infra/db/prisma";
import type { Log } from "../../infra/log";
import type { EngineName, VoteEngine } from "../types";

/** What the engine wing reports; metrics/ implements it (the wing itself knows nothing of Prometheus). */
export interface VotingObserver extends VoteObserver {
  engineSwitched(to: EngineName): void;
  ballotsFlushed(count: number): void;
}

/** What the composition root hands a wing factory. */
export type VotingParts = {
  db: Db;
  databaseUrl: string;
  /** The shared fail-fast connection (connectFailFast) to vote on; null when no Redis is configured. */
  redis: ScriptedRedis | null;
  redisUrl: string | null;
  /** The probe of that connection (round trips with a deadline), shared with the rate limiter and readiness. */
  redisHealth: RedisHealth | null;
  log: Log;
  observer: VotingObserver;
};

/** The engine wing as one unit: the engine requests vote through, and what keeps its votes durable. */
export type Voting = {
  /** The served engine: the decorators (shutdown gate, instrumentation) around the counting engine. */
  engine: VoteEngine;
  /** How far Postgres trails the ballot streams, in ms (0 when there are none). */
  flusherLagMs(): number;
  /** Graceful shutdown: refuse new votes, wait for those in flight, then commit and flush what Redis holds. */
  drain(): Promise<void>;
  close(): Promise<void>;
};

/** Builds a wing from the parts; the production ones are createRedisVoting and createPostgresVoting. */
export type VotingFactory = (parts: VotingParts) => Promise<Voting>;
