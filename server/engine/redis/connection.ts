import type { RedisOptions } from "ioredis";
import { connectRedisClient, createRedisClient } from "../../infra/redis/redisClient";
import { defineScripts, type ScriptedRedis } from "./scripts";

/**
 * Fail fast, so the circuit breaker sees an outage at once instead of requests hanging on ioredis's retries:
 * no offline queue (a command while disconnected fails immediately), no resending after a reconnect (a vote
 * script must not run twice), and a reply deadline on every command, so a hung Redis (connection open, nothing
 * answering) costs a vote at most that long (docs/adr/0017-hung-redis.md). Reconnecting goes on in the
 * background, at most 1 s apart.
 */
export const FAIL_FAST: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  commandTimeout: 1_500,
  connectTimeout: 2_000,
  retryStrategy: (times) => Math.min(100 * times, 1_000),
};

/**
 * Connects with FAIL_FAST. A Redis that is down at start does not stop the server: the connection keeps
 * retrying and the failover engine serves from Postgres until it is up.
 */
export async function connectFailFast(url: string, onError: (error: Error) => void, options: RedisOptions = {}): Promise<ScriptedRedis> {
  const redis = createRedisClient(url, { lazyConnect: true, ...FAIL_FAST, ...options }); // one server, Sentinel or Cluster
  let reported = false; // one line per outage, not one per reconnect attempt
  redis.on("error", (error: Error) => {
    if (!reported) onError(error);
    reported = true;
  });
  redis.on("ready", () => (reported = false));
  await connectRedisClient(redis).catch(() => {});
  return defineScripts(redis);
}
