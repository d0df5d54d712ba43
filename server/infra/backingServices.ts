import { join, resolve } from "node:path";
import type { Env } from "../env";
import { startEmbeddedPostgres } from "./embeddedPostgres";
import type { Log } from "./log";
import { applyMigrations, pendingMigrations } from "./migrate";
import { findRedisServerBinary, startPrivateRedis } from "./privateRedis";

export type BackingServices = {
  databaseUrl: string;
  /** Where sessions of their own go (LISTEN/NOTIFY): DIRECT_DATABASE_URL, or the same database. */
  directDatabaseUrl: string;
  redisUrl: string | null;
  stop(): Promise<void>;
};

/**
 * Postgres and Redis as configured, or, with nothing configured, private ones in the data folder: an embedded
 * Postgres always, and a Redis when `redis-server` is installed. Without Redis the Postgres-only engine serves.
 * The zero-configuration start migrates its embedded Postgres itself. A configured database is migrated by the
 * operator (`npm run migrate`, once per release, not by every replica at boot): the server refuses to start on
 * a database that lacks this build's migrations.
 */
export async function startBackingServices(env: Env, log: Log): Promise<BackingServices> {
  const dataDir = resolve(env.DATA_DIR);
  const stops: (() => Promise<void>)[] = [];

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, "postgres"), persistent: true, stopOnSignal: false });
    stops.push(postgres.stop);
    databaseUrl = postgres.databaseUrl;
    log.info("database: embedded Postgres", { dataDir: join(dataDir, "postgres") });
    await applyMigrations(databaseUrl);
  }
  const directDatabaseUrl = env.DIRECT_DATABASE_URL ?? databaseUrl;
  if (env.DATABASE_URL) {
    // Nothing has been started yet on this path: refusing leaves nothing behind.
    const pending = await pendingMigrations(directDatabaseUrl).catch((error: unknown) => {
      const { hostname, port } = new URL(directDatabaseUrl);
      throw new Error(`the database at ${hostname || "its socket"}${port ? `:${port}` : ""} did not answer: ${(error as Error).message}`, { cause: error });
    });
    if (pending.length > 0) {
      throw new Error(`The database lacks ${pending.length} migration(s) of this build (${pending.join(", ")}): run \`npm run migrate\` first`);
    }
  }

  let redisUrl: string | null = null;
  if (env.VOTE_ENGINE !== "postgres") {
    if (env.REDIS_URL) {
      redisUrl = env.REDIS_URL;
    } else if (findRedisServerBinary()) {
      const redis = await startPrivateRedis({ dir: join(dataDir, "redis"), appendOnly: true });
      stops.push(redis.stop);
      redisUrl = redis.redisUrl;
    } else if (env.VOTE_ENGINE === "redis") {
      throw new Error("VOTE_ENGINE=redis but neither REDIS_URL is set nor redis-server installed");
    }
  }
  log.info(redisUrl ? "vote engine: Redis" : "vote engine: Postgres only (no Redis configured or installed)", {
    redis: redisUrl ? (env.REDIS_URL ? "REDIS_URL" : "private redis-server") : null,
  });

  return {
    databaseUrl,
    directDatabaseUrl,
    redisUrl,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
