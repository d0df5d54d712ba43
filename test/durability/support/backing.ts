import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { pgConfigFromUrl } from "../../../server/infra/db/pgConfig";
import { createPrisma, type Db } from "../../../server/infra/db/prisma";
import { applyMigrations } from "../../../server/infra/migrate";
import { type PrivateRedisHandle, startPrivateRedis } from "../../../server/infra/privateRedis";
import { findFreePort } from "../../../server/infra/freePort";
import { type ServerProcess, type ServerProcessOptions, startServerProcess } from "../../support/serverProcess";
import { testStores } from "../../support/workerStores";

/**
 * What a durability test breaks, kept apart from the rest of the run: a fresh migrated database in the run's
 * Postgres (the shared engine state, VoteEngineState, is per database; other files' open polls stay out of the
 * flushers' way), and a redis-server of its own, without persistence, that the test stops and starts again on
 * the same port. The run's shared Redis is never touched.
 */
export type DurabilityBacking = {
  databaseUrl: string;
  redisUrl: string;
  db: Db;
  /** A plain connection to the test's Redis, for reading what the engine holds (reconnects after a restart). */
  redis: Redis;
  /** Stops redis-server; it restarts empty (no persistence). */
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  /** A server process on this database and Redis: the API server, or with `production` the one the container runs. */
  startServer(options?: ServerProcessOptions): Promise<ServerProcess>;
};

export function useDurabilityBacking(): DurabilityBacking {
  let databaseUrl = "";
  let redisPort = 0;
  let redisDir = "";
  let redisHandle: PrivateRedisHandle | null = null;
  let db: Db | undefined;
  let redis: Redis | undefined;
  const servers: ServerProcess[] = [];
  const dbName = `durability_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    const admin = new pg.Client(pgConfigFromUrl(testStores().databaseUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(testStores().databaseUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    redisDir = await mkdtemp(path.join(tmpdir(), "tableside-durability-redis-"));
    redisPort = await findFreePort();
    [, redisHandle] = await Promise.all([applyMigrations(databaseUrl), startPrivateRedis({ dir: redisDir, port: redisPort })]);
    db = createPrisma(databaseUrl, 5);
    redis = new Redis(`redis://127.0.0.1:${redisPort}`, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    redis.on("error", () => {}); // down on purpose during the test
  });

  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop("SIGKILL")));
    redis?.disconnect();
    await db?.$disconnect();
    await redisHandle?.stop();
    if (redisDir) await rm(redisDir, { recursive: true, force: true });
    if (databaseUrl) {
      const admin = new pg.Client(pgConfigFromUrl(testStores().databaseUrl));
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  });

  const must = <T>(value: T | undefined | null, what: string): T => {
    if (value === undefined || value === null) throw new Error(`${what} is set up in beforeAll`);
    return value;
  };

  return {
    get databaseUrl() {
      return databaseUrl;
    },
    get redisUrl() {
      return `redis://127.0.0.1:${redisPort}`;
    },
    get db() {
      return must(db, "the database");
    },
    get redis() {
      return must(redis, "the Redis connection");
    },
    async stopRedis() {
      await must(redisHandle, "redis-server").stop();
      redisHandle = null;
    },
    async startRedis() {
      redisHandle = await startPrivateRedis({ dir: redisDir, port: redisPort });
    },
    async startServer(options = {}) {
      const server = await startServerProcess("redis", {
        port: options.port,
        production: options.production,
        env: { DATABASE_URL: databaseUrl, REDIS_URL: `redis://127.0.0.1:${redisPort}`, ...options.env },
      });
      servers.push(server);
      return server;
    },
  };
}
