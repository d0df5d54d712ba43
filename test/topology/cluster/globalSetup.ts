import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../../server/infra/embeddedPostgres";
import { applyMigrations } from "../../../server/infra/migrate";
import { startRedisCluster } from "../support/redisCluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Redis Cluster's nodes as REDIS_URL names them (also provided as redisUrl to the contract suites). */
    redisClusterUrl: string;
  }
}

/**
 * The engine contract suites' backing, with a Redis Cluster (3 masters, 3 replicas) where the normal run has one
 * redis-server: `redisUrl` is the cluster's redis+cluster:// address, so the suites run unchanged on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), "tableside-topology-cluster-"));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", removeRoot);
  const [postgres, cluster] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), persistent: false }),
    startRedisCluster(path.join(root, "redis")),
  ]);
  const teardown = async () => {
    await Promise.all([postgres, cluster].map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    await rm(root, { recursive: true, force: true });
    process.off("exit", removeRoot);
  };
  try {
    if (postgres.status === "rejected") throw postgres.reason;
    if (cluster.status === "rejected") throw cluster.reason;
    await applyMigrations(postgres.value.databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("workerStores", [{ databaseUrl: postgres.value.databaseUrl, redisUrl: cluster.value.url }]);
  project.provide("redisClusterUrl", cluster.value.url);
  return teardown;
}
