import { PollDefinitions } from "./domain/polls/data";
import { createPostgresVoting, createRedisVoting, type Voting } from "./engine/failover/createVoting";
import type { VoterBloomPrecheck } from "./engine/redis/bloomPrecheck";
import { connectFailFast } from "./engine/redis/connection";
import type { VoteEngine } from "./engine/types";
import { readPollWindow } from "./domain/polls/data";
import { createPrisma, type Db } from "./infra/db/prisma";
import type { Log } from "./infra/log";
import type { Mailer } from "./infra/mail";
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from "./limits/rateLimiter";
import { DEFAULT_LIMITS, type LimitRules } from "./limits/rules";
import { createLive, type Live } from "./live/live";
import type { MetricsRegistry } from "./metrics/registry";

export type ServicesConfig = {
  databaseUrl: string;
  /** null: no Redis, the Postgres-only engine serves. */
  redisUrl: string | null;
  sessionSecret: string;
  publicUrl?: string;
  log: Log;
  precheck?: VoterBloomPrecheck;
  limits?: LimitRules;
  trustProxy?: boolean;
  /** Screens get at most one update per poll per this many ms. */
  screenIntervalMs?: number;
  /** Sends password reset links; null without SMTP (the operator's `npm run reset-password` prints them). */
  mailer?: Mailer | null;
  /** When a Redis vote is answered: after Postgres has it (default, docs/adr/0004) or at once (measurements). */
  voteAck?: "postgres" | "redis";
};

/** Everything a request handler needs, built once per process. */
export type Services = {
  db: Db;
  engine: VoteEngine;
  polls: PollDefinitions;
  live: Live;
  limiter: RateLimiter;
  limits: LimitRules;
  trustProxy: boolean;
  sessionSecret: string;
  publicUrl?: string;
  mailer: Mailer | null;
  log: Log;
  /** The engine's durability and failover parts: flusher, snapshots, readiness, graceful drain. */
  voting: Voting;
  metrics: MetricsRegistry;
  close(): Promise<void>;
};

export async function createServices(config: ServicesConfig): Promise<Services> {
  const db = createPrisma(config.databaseUrl);
  let voting: Voting;
  let limiter: RateLimiter = new MemoryRateLimiter();
  if (config.redisUrl) {
    const redis = await connectRedis(config.redisUrl, config.log);
    limiter = new RedisRateLimiter(redis, limiter, (error) => config.log.warn("rate limiter fell back to memory", { error: String(error) }));
    voting = await createRedisVoting({ ...config, db, redisUrl: config.redisUrl, redis });
  } else {
    voting = await createPostgresVoting({ db, databaseUrl: config.databaseUrl, log: config.log });
  }
  const engine: VoteEngine = voting.engine;
  const channel = voting.channel;
  const live = createLive(channel, engine, {
    screenIntervalMs: config.screenIntervalMs,
    readWindow: (pollId) => readPollWindow(db, pollId),
    onError: (error) => config.log.warn("live update failed", { error: String(error) }),
  });
  return {
    db,
    engine,
    polls: new PollDefinitions(db),
    live,
    limiter,
    limits: config.limits ?? DEFAULT_LIMITS,
    trustProxy: config.trustProxy ?? false,
    sessionSecret: config.sessionSecret,
    publicUrl: config.publicUrl,
    mailer: config.mailer ?? null,
    log: config.log,
    voting,
    metrics: voting.metrics,
    async close() {
      await live.close();
      await voting.close();
      await db.$disconnect();
    },
  };
}

/** Fail-fast (see FAIL_FAST): a Redis outage must reach the vote engine's circuit breaker, not queue requests. */
async function connectRedis(url: string, log: Log) {
  return connectFailFast(url, (error) => log.warn("Redis connection lost", { error: String(error) }));
}
