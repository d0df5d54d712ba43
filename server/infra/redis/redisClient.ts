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
 * Connects a client; on a cluster, also waits (a moment at most) for its connection to every node. Without an
 * offline queue, a command sent to a node whose connection is still being made fails, and a vote failing at
 * start would send every process to the Postgres engine for nothing.
 */
export async function connectRedisClient(client: RedisClient, waitForNodesMs = 2_000): Promise<void> {
  await client.connect();
  if (!isCluster(client)) return;
  const deadline = Date.now() + waitForNodesMs;
  while (client.nodes().some((node) => node.status !== "ready") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** A cluster's node connections are made as soon as a node is learned (at start, after a failover), not at its first command. */
function connectingNodesAtOnce(cluster: Cluster): Cluster {
  cluster.on("+node", (node: Redis) => {
    if (node.status === "wait") node.connect().catch(() => {});
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
 * Whether Redis serves every key now: PONG from one server; on a cluster, PONG from every master it knows and
 * `cluster_state:ok` (no slot without a master), so a probe does not call a cluster healthy mid-failover.
 */
export async function redisAnswers(client: RedisClient): Promise<boolean> {
  try {
    if (!isCluster(client)) return (await client.ping()) === "PONG";
    const masters = client.nodes("master");
    if (masters.length === 0) return false;
    const [info, ...pongs] = await Promise.all([client.cluster("INFO"), ...masters.map((node) => node.ping())]);
    return /cluster_state:ok/.test(String(info)) && pongs.every((reply) => reply === "PONG");
  } catch {
    return false;
  }
}
