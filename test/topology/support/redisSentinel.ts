import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { findFreePort } from "../../../server/infra/freePort";
import { findRedisServerBinary } from "../../../server/infra/privateRedis";
import { askRedis, killAndWait, waitUntil } from "./redisProcesses";

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
    await waitUntil(async () => {
      const replication = await askRedis(replica, (r) => r.info("replication"));
      const masters = await Promise.all(sentinels.map((p) => askRedis(p, (r) => r.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", SENTINEL_MASTER_NAME))));
      return /master_link_status:up/.test(replication) && masters.every((m) => Array.isArray(m) && Number(m[1]) === primary);
    }, 30_000, "the sentinels to agree on the primary");
    return {
      url: `redis+sentinel://${sentinels.map((p) => `127.0.0.1:${p}`).join(",")}/${SENTINEL_MASTER_NAME}`,
      async stop() {
        process.off("exit", killAll);
        await killAndWait(children);
      },
    };
  } catch (error) {
    killAll();
    process.off("exit", killAll);
    throw error;
  }
}
