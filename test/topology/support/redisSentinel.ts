import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import { findFreePort } from "../../../server/infra/freePort";
import { findRedisServerBinary } from "../../../server/infra/privateRedis";

export const SENTINEL_MASTER_NAME = "tableside";

export type SentinelHandle = { url: string; stop(): Promise<void> };

/**
 * A primary with one replica, watched by 3 sentinels (quorum 2), all real redis-server processes on free ports:
 * what `redis+sentinel://` names. No persistence.
 */
export async function startRedisSentinel(dir: string): Promise<SentinelHandle> {
  const binary = findRedisServerBinary();
  if (!binary) throw new Error("redis-server not found (set REDIS_SERVER_BIN or put it on PATH)");
  const children: ChildProcess[] = [];
  const killAll = () => children.forEach((c) => c.kill("SIGKILL"));
  process.on("exit", killAll);
  const start = (args: string[]) => {
    const child = spawn(binary, args, { stdio: "ignore" });
    children.push(child);
  };
  try {
    const [primary, replica] = [await findFreePort(), await findFreePort()];
    for (const port of [primary, replica]) {
      await mkdir(path.join(dir, String(port)), { recursive: true });
      start(["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", path.join(dir, String(port)),
        ...(port === replica ? ["--replicaof", "127.0.0.1", String(primary)] : [])]);
    }
    const sentinels: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await findFreePort();
      const file = path.join(dir, `sentinel-${port}.conf`);
      await writeFile(file, [`port ${port}`, "bind 127.0.0.1", `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${primary} 2`,
        `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} 2000`, `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 10000`, ""].join("\n"));
      start([file, "--sentinel"]);
      sentinels.push(port);
    }
    await waitFor(async () => {
      const replication = await ask(replica, (r) => r.info("replication"));
      const masters = await Promise.all(sentinels.map((p) => ask(p, (r) => r.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", SENTINEL_MASTER_NAME))));
      return /master_link_status:up/.test(replication) && masters.every((m) => Array.isArray(m) && Number(m[1]) === primary);
    });
    return {
      url: `redis+sentinel://${sentinels.map((p) => `127.0.0.1:${p}`).join(",")}/${SENTINEL_MASTER_NAME}`,
      async stop() {
        process.off("exit", killAll);
        await Promise.all(children.filter((c) => c.exitCode === null && c.signalCode === null).map(async (c) => {
          const exited = once(c, "exit");
          c.kill("SIGKILL");
          await exited;
        }));
      },
    };
  } catch (error) {
    killAll();
    process.off("exit", killAll);
    throw error;
  }
}

async function ask<T>(port: number, question: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await question(redis);
  } finally {
    redis.disconnect();
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the sentinels to agree on the primary");
    await new Promise((r) => setTimeout(r, 100));
  }
}
