import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../../server/infra/embeddedPostgres";
import { applyMigrations } from "../../../server/infra/migrate";
import { startRedisSentinel } from "../support/redisSentinel";

/** The contract suites' backing with REDIS_URL naming a Sentinel-watched primary (redis+sentinel://…/tableside). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), "tableside-topology-sentinel-"));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", removeRoot);
  const [postgres, sentinel] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), persistent: false }),
    startRedisSentinel(path.join(root, "redis")),
  ]);
  const teardown = async () => {
    await Promise.all([postgres, sentinel].map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    await rm(root, { recursive: true, force: true });
    process.off("exit", removeRoot);
  };
  try {
    if (postgres.status === "rejected") throw postgres.reason;
    if (sentinel.status === "rejected") throw sentinel.reason;
    await applyMigrations(postgres.value.databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("workerStores", [{ databaseUrl: postgres.value.databaseUrl, redisUrl: sentinel.value.url }]);
  return teardown;
}
