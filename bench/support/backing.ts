import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../server/infra/embeddedPostgres";
import { applyMigrations } from "../../server/infra/migrate";
import { findRedisServerBinary, startPrivateRedis } from "../../server/infra/privateRedis";

export type Backing = { databaseUrl: string; redisUrl: string; root: string; stop(): Promise<void> };

/**
 * A throwaway Postgres 17 (embedded, fsync off like the test cluster) and a private redis-server on free ports,
 * in a temp dir that is removed on stop. The benchmark never touches the developer's own data.
 */
export async function startBacking(): Promise<Backing> {
  if (!findRedisServerBinary()) throw new Error("redis-server not found: apt-get install -y redis-server, or set REDIS_SERVER_BIN");
  const root = await mkdtemp(path.join(tmpdir(), "tableside-bench-"));
  await mkdir(path.join(root, "redis"));
  const [postgres, redis] = await Promise.all([
    startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), persistent: false }),
    startPrivateRedis({ dir: path.join(root, "redis") }),
  ]);
  await applyMigrations(postgres.databaseUrl);
  return {
    databaseUrl: postgres.databaseUrl,
    redisUrl: redis.redisUrl,
    root,
    async stop() {
      await Promise.allSettled([postgres.stop(), redis.stop()]);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A second private redis-server, for measurements that must not share memory or command counters. */
export async function startSpareRedis(root: string, name: string) {
  return startPrivateRedis({ dir: path.join(root, name) });
}
