import type { RedisClient } from "../infra/redis/redisClient";
import { connectFailFast } from "../engine/redis/connection";
import { pgConfigFromUrl } from "../infra/db/pgConfig";
import { FailoverLiveChannel } from "./failoverLiveChannel";
import type { LiveChannel } from "./messages";
import { PostgresLiveChannel } from "./postgresLiveChannel";
import { RedisLiveChannel } from "./redisLiveChannel";

export type LiveChannelParts = {
  databaseUrl: string;
  /** The shared Redis connection (publishes go out on it); null: LISTEN/NOTIFY alone. */
  redis: RedisClient | null;
  redisUrl: string | null;
  /** Whether votes are on Redis now: messages go out where the votes are (failover, docs/adr/0005). */
  onRedis: () => boolean;
  onError: (what: string) => (error: unknown) => void;
};

/**
 * How this process hears the others: Redis pub/sub with LISTEN/NOTIFY beside it for Redis outages, or
 * LISTEN/NOTIFY alone when there is no Redis. The Redis side gets a subscriber connection of its own.
 */
export async function connectLiveChannel(parts: LiveChannelParts): Promise<LiveChannel> {
  const postgres = await PostgresLiveChannel.connect(pgConfigFromUrl(parts.databaseUrl));
  if (!parts.redis || !parts.redisUrl) return postgres;
  const subscriber = await connectFailFast(parts.redisUrl, parts.onError("Redis subscriber connection"));
  return new FailoverLiveChannel(new RedisLiveChannel(parts.redis, subscriber), postgres, subscriber, parts.onRedis);
}
