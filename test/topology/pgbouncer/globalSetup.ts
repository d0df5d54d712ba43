import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../../server/infra/embeddedPostgres";
import { applyMigrations } from "../../../server/infra/migrate";
import { startPrivateRedis } from "../../../server/infra/privateRedis";
import { startPgBouncer } from "../support/pgbouncer";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set when DATABASE_URL goes through a transaction-mode pooler: the same database, directly. */
    directDatabaseUrl?: string;
  }
}

/**
 * The contract suites' backing with PgBouncer (transaction mode) in front of Postgres: `databaseUrl` goes through
 * it, `directDatabaseUrl` straight to Postgres (LISTEN/NOTIFY, migrations), as an operator configures
 * DATABASE_URL and DIRECT_DATABASE_URL.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), "tableside-topology-pgbouncer-"));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", removeRoot);
  await mkdir(path.join(root, "pgbouncer"));
  const [postgres, redis] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), persistent: false }),
    startPrivateRedis({ dir: path.join(root, "redis") }),
  ]);
  let pooler: Awaited<ReturnType<typeof startPgBouncer>> | null = null;
  const teardown = async () => {
    await pooler?.stop();
    await Promise.all([postgres, redis].map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    await rm(root, { recursive: true, force: true });
    process.off("exit", removeRoot);
  };
  try {
    if (postgres.status === "rejected") throw postgres.reason;
    if (redis.status === "rejected") throw redis.reason;
    await applyMigrations(postgres.value.databaseUrl); // migrations go direct (`npm run migrate` uses DIRECT_DATABASE_URL)
    pooler = await startPgBouncer(path.join(root, "pgbouncer"), postgres.value.databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("workerStores", [{ databaseUrl: pooler.url, redisUrl: redis.value.redisUrl }]);
  project.provide("directDatabaseUrl", postgres.value.databaseUrl);
  return teardown;
}
