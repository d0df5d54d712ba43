import { Redis } from "ioredis";
import { PollDefinitions } from "./domain/polls/data";
import { VoterBloomPrecheck } from "./engine/redis/bloomPrecheck";
import { RedisVoteEngine } from "./engine/redis/redisEngine";
import { defineScripts } from "./engine/redis/scripts";
import { PostgresVoteEngine } from "./engine/postgres/postgresEngine";
import type { VoteEngine } from "./engine/types";
import { createPrisma, type Db } from "./infra/db/prisma";
import type { Log } from "./infra/log";

export type ServicesConfig = {
  databaseUrl: string;
  /** null: no Redis, the Postgres-only engine serves. */
  redisUrl: string | null;
  sessionSecret: string;
  publicUrl?: string;
  log: Log;
  precheck?: VoterBloomPrecheck;
};

/** Everything a request handler needs, built once per process. */
export type Services = {
  db: Db;
  engine: VoteEngine;
  polls: PollDefinitions;
  sessionSecret: string;
  publicUrl?: string;
  log: Log;
  close(): Promise<void>;
};

export async function createServices(config: ServicesConfig): Promise<Services> {
  const db = createPrisma(config.databaseUrl);
  const engine: VoteEngine = config.redisUrl
    ? new RedisVoteEngine(await connectRedis(config.redisUrl), db, config.precheck ?? new VoterBloomPrecheck())
    : new PostgresVoteEngine(db);
  return {
    db,
    engine,
    polls: new PollDefinitions(db),
    sessionSecret: config.sessionSecret,
    publicUrl: config.publicUrl,
    log: config.log,
    async close() {
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
