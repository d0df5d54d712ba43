import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { findFreePort } from "../../../server/infra/freePort";
import { findRedisServerBinary } from "../../../server/infra/privateRedis";
import { askRedis, killAndWait, waitUntil } from "./redisProcesses";

const run = promisify(execFile);

/** Two seconds, not fifteen: a killed master's replica is promoted within a few seconds, so a test can wait for it. */
const NODE_TIMEOUT_MS = 2_000;

export type ClusterNode = { port: number; child: ChildProcess };

export type RedisClusterHandle = {
  /** redis+cluster://127.0.0.1:p1,… (every node, as an operator would list them). */
  url: string;
  nodes: ClusterNode[];
  /** The port of the master serving `key` now. */
  masterOf(key: string): Promise<number>;
  /** SIGKILLs the node on `port` (no shutdown, no last write). */
  kill(port: number): Promise<void>;
  /** Resolves once a live node reports every slot served (cluster_state:ok) with `port` no longer a master. */
  waitForPromotion(deadPort: number, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
};

/**
 * A real Redis Cluster of 3 masters with a replica each, on free ports of 127.0.0.1, as an operator builds one:
 * six `redis-server --cluster-enabled yes` and `redis-cli --cluster create … --cluster-replicas 1`. No persistence.
 */
export async function startRedisCluster(dir: string, size = 6): Promise<RedisClusterHandle> {
  const binary = findRedisServerBinary();
  if (!binary) throw new Error("redis-server not found (set REDIS_SERVER_BIN or put it on PATH)");
  const cli = path.join(path.dirname(binary), "redis-cli");
  const nodes: ClusterNode[] = [];
  const killAll = () => nodes.forEach((n) => n.child.kill("SIGKILL"));
  process.on("exit", killAll);
  try {
    for (let i = 0; i < size; i++) {
      const port = await findFreePort();
      const nodeDir = path.join(dir, `node-${port}`);
      await mkdir(nodeDir, { recursive: true });
      const child = spawn(
        binary,
        ["--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
          "--cluster-node-timeout", String(NODE_TIMEOUT_MS), "--save", "", "--appendonly", "no", "--dir", nodeDir,
          "--daemonize", "no", "--loglevel", "warning"],
        { stdio: "ignore" },
      );
      nodes.push({ port, child });
    }
    await Promise.all(nodes.map((n) => waitForPing(n.port)));
    await run(cli, ["--cluster", "create", ...nodes.map((n) => `127.0.0.1:${n.port}`), "--cluster-replicas", "1", "--cluster-yes"]);
    // Every slot served, and every replica known to every node and in sync: only then can a master's death be
    // ridden out (`--cluster create` returns before the replicas' roles have spread through the cluster).
    await waitUntil(async () => (await Promise.all(nodes.map((n) => settled(n.port, size / 2)))).every(Boolean), 60_000, "replicas in sync");
  } catch (error) {
    killAll();
    process.off("exit", killAll);
    throw error;
  }

  const alive = () => nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null);
  return {
    url: `redis+cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(",")}`,
    nodes,
    async masterOf(key) {
      const reply = await askRedis(alive()[0].port, (r) => r.call("CLUSTER", "KEYSLOT", key));
      const slot = Number(reply);
      const slots = (await askRedis(alive()[0].port, (r) => r.call("CLUSTER", "SLOTS"))) as [number, number, [string, number]][];
      const range = slots.find(([from, to]) => slot >= from && slot <= to);
      if (!range) throw new Error(`slot ${slot} has no master`);
      return range[2][1];
    },
    async kill(port) {
      const node = nodes.find((n) => n.port === port);
      if (!node) throw new Error(`no cluster node on ${port}`);
      const exited = once(node.child, "exit");
      node.child.kill("SIGKILL");
      await exited;
    },
    async waitForPromotion(deadPort, timeoutMs = 30_000) {
      const started = Date.now();
      await waitUntil(
        async () => {
          const port = alive()[0].port;
          if (!(await clusterOk(port))) return false;
          const slots = (await askRedis(port, (r) => r.call("CLUSTER", "SLOTS"))) as [number, number, [string, number]][];
          return slots.every((s) => s[2][1] !== deadPort);
        },
        timeoutMs,
        `a replica promoted in place of ${deadPort}`,
      );
      return Date.now() - started;
    },
    async stop() {
      process.off("exit", killAll);
      await killAndWait(nodes.map((n) => n.child));
    },
  };
}

async function clusterOk(port: number): Promise<boolean> {
  return askRedis(port, (r) => r.call("CLUSTER", "INFO")).then((info) => /cluster_state:ok/.test(String(info)), () => false);
}

async function settled(port: number, replicas: number): Promise<boolean> {
  if (!(await clusterOk(port))) return false;
  const [nodes, replication] = await askRedis(port, (r) => Promise.all([r.call("CLUSTER", "NODES"), r.info("replication")]));
  const known = String(nodes).split("\n").filter((line) => / (myself,)?slave /.test(line)).length;
  const role = /role:(\w+)/.exec(replication)?.[1];
  return known === replicas && (role === "master" || /master_link_status:up/.test(replication));
}

async function waitForPing(port: number): Promise<void> {
  await waitUntil(() => askRedis(port, (r) => r.ping()).then((p) => p === "PONG", () => false), 10_000, `redis-server on ${port}`);
}
