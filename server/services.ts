import { Redis } from "ioredis";
import { PollDefinitions } from "./domain/polls/data";
import { VoterBloomPrecheck } from "./engine/redis/bloomPrecheck";
import { RedisVoteEngine } from "./engine/redis/redisEngine";
import { defineScripts } from "./engine/redis/scripts";
import { PostgresVoteEngine } from "./engine/postgres/postgresEngine";
import type { VoteEngine } from "./engine/types";
import { readPollStatus } from "./domain/polls/data";
import { createPrisma, type Db } from "./infra/db/prisma";
import { pgConfigFromUrl } from "./infra/db/pgConfig";
import type { Log } from "./infra/log";
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from "./limits/rateLimiter";
import { DEFAULT_LIMITS, type LimitRules } from "./limits/rules";
import { createLive, type Live } from "./live/live";
import type { LiveChannel } from "./live/messages";
import { PostgresLiveChannel } from "./live/postgresLiveChannel";
import { RedisLiveChannel } from "./live/redisLiveChannel";

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
  log: Log;
  close(): Promise<void>;
};

export async function createServices(config: ServicesConfig): Promise<Services> {
  const db = createPrisma(config.databaseUrl);
  let engine: VoteEngine;
  let channel: LiveChannel;
  let limiter: RateLimiter = new MemoryRateLimiter();
  if (config.redisUrl) {
    const redis = await connectRedis(config.redisUrl);
    limiter = new RedisRateLimiter(redis, limiter, (error) => config.log.warn("rate limiter fell back to memory", { error: String(error) }));
    engine = new RedisVoteEngine(redis, db, config.precheck ?? new VoterBloomPrecheck());
    channel = new RedisLiveChannel(redis, await connectRedis(config.redisUrl));
  } else {
    engine = new PostgresVoteEngine(db);
    channel = await PostgresLiveChannel.connect(pgConfigFromUrl(config.databaseUrl));
  }
  const live = createLive(channel, engine, {
    screenIntervalMs: config.screenIntervalMs,
    readStatus: (pollId) => readPollStatus(db, pollId),
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
    log: config.log,
    async close() {
      await live.close();
      await engine.close();
      await db.$disconnect();
    },
  };
}

async function connectRedis(url: string) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 2_000 });
  await redis.connect();
  return defineScripts(redis);
}
