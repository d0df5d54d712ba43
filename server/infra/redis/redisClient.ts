import { Cluster, type ClusterOptions, Redis, type RedisOptions } from "ioredis";
import { parseRedisAddress, type RedisAddress } from "./redisAddress";

/** One server (or a Sentinel-watched primary), or a Redis Cluster: the same commands, routed by key slot. */
export type RedisClient = Redis | Cluster;

/**
 * A client for whatever REDIS_URL names (redisAddress.ts), with `options` written as for one server. On a cluster
 * they apply to each node's connection, and the cluster's own retries follow their intent (docs/adr/0024):
 * MOVED and ASK are followed (the command did not run), TRYAGAIN waits a moment (a slot in migration), but a
 * node that closed under a command or a CLUSTERDOWN is an error at once, as on one server: the command may have
 * run, so it is not sent again, and the vote engine's circuit breaker rides out the failover.
 */
export function createRedisClient(url: string, options: RedisOptions = {}): RedisClient {
  const address = parseRedisAddress(url);
  switch (address.kind) {
    case "single":
      return new Redis(url, options);
    case "sentinel":
      return new Redis({
        ...options,
        sentinels: address.sentinels,
        name: address.name,
        db: address.db,
        username: address.username,
        password: address.password,
        sentinelPassword: address.sentinelPassword,
        ...(address.tls ? { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true } : {}),
      });
    case "cluster":
      return connectingNodesAtOnce(new Cluster(address.nodes, clusterOptions(address, options)));
  }
}

/**
 * Connects a client. A cluster is waited for (a few seconds at most, then it goes on connecting in the background)
 * by its status, not by connect()'s promise, which never settles when the first ready check fails and the client
 * reconnects. Then its connection to every node is made before the first command: without an offline queue, a
 * command sent to a node whose connection is still being made fails, and a vote failing at start would send every
 * process to the Postgres engine for nothing.
 */
export async function connectRedisClient(client: RedisClient, waitMs = 5_000): Promise<void> {
  if (!isCluster(client)) return client.connect();
  client.connect().catch(() => {});
  const deadline = Date.now() + waitMs;
  const until = async (done: () => boolean) => {
    while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };
  await until(() => client.status === "ready");
  for (const node of client.nodes()) if (node.status === "wait") node.connect().catch(() => {});
  await until(() => client.nodes().every((node) => node.status === "ready"));
}

/**
 * Once the cluster is ready, a node learned later (after a failover or a resharding) is connected at once, not at
 * its first command. (Not before: the cluster's own ready check must not meet a connection half made.)
 */
function connectingNodesAtOnce(cluster: Cluster): Cluster {
  cluster.on("+node", (node: Redis) => {
    if (cluster.status === "ready" && node.status === "wait") node.connect().catch(() => {});
  });
  return cluster;
}

function clusterOptions(address: Extract<RedisAddress, { kind: "cluster" }>, options: RedisOptions): ClusterOptions {
  const { enableOfflineQueue, lazyConnect, retryStrategy, ...perNode } = options;
  return {
    enableOfflineQueue,
    lazyConnect,
    clusterRetryStrategy: retryStrategy ? (times) => retryStrategy(times) : undefined,
    retryDelayOnFailover: 0,
    retryDelayOnClusterDown: 0,
    retryDelayOnTryAgain: 100,
    // Without resends, a failover is noticed by the periodic refresh: every second, not every five.
    slotsRefreshInterval: 1_000,
    redisOptions: {
      ...perNode,
      username: address.username,
      password: address.password,
      ...(address.tls ? { tls: {} } : {}),
    },
  };
}

export function isCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster;
}

/** The connections that hold data: every master of a cluster, or the one server. Scans run on each. */
export function mastersOf(client: RedisClient): Redis[] {
  return isCluster(client) ? client.nodes("master") : [client];
}

/**
 * One health probe's round trip (engine/redis/redisHealth.ts): a PING to one server; on a cluster, a PING to the
 * master of every slot, and `cluster_state:ok`. Rejects when any of it fails, so a probe does not call a cluster
 * healthy while some poll's slot has no master (mid-failover, a master's death is seen before the cluster marks it).
 */
export async function pingEverySlot(client: RedisClient): Promise<void> {
  if (!isCluster(client)) {
    await client.ping();
    return;
  }
  const masters = new Map(client.nodes("master").map((node) => [`${node.options.host}:${node.options.port}`, node]));
  const owners = new Set(client.slots.map((nodes) => nodes?.[0]).filter(Boolean));
  const missing = [...owners].filter((key) => !masters.get(key) || masters.get(key)!.status !== "ready");
  if (owners.size === 0 || missing.length > 0) throw new Error(`Redis Cluster: no live connection to the master(s) ${missing.join(", ")}`);
  const [info] = await Promise.all([client.cluster("INFO"), ...[...owners].map((key) => masters.get(key)!.ping())]);
  if (!/cluster_state:ok/.test(String(info))) throw new Error("Redis Cluster: cluster_state is not ok");
}
