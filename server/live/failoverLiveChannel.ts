import type { RedisClient } from "../infra/redis/redisClient";
import type { LiveChannel, LiveMessage } from "./messages";
import type { PostgresLiveChannel } from "./postgresLiveChannel";
import type { RedisLiveChannel } from "./redisLiveChannel";

/**
 * Live updates that survive a Redis outage: messages go out on Redis pub/sub while votes are on Redis, and on
 * Postgres LISTEN/NOTIFY while they are not (or when a publish on Redis fails). Every process listens on both,
 * so it hears each message whichever way it was sent; a tally message older than the one held is dropped anyway.
 */
export class FailoverLiveChannel implements LiveChannel {
  private readonly watched = new Set<string>();

  constructor(
    private readonly redis: RedisLiveChannel,
    private readonly postgres: PostgresLiveChannel,
    subscriber: RedisClient,
    private readonly onRedis: () => boolean,
  ) {
    // Subscriptions made while Redis was away failed at once (no offline queue): make them when it is back.
    subscriber.on("ready", () => {
      for (const topic of this.watched) this.redis.listen(topic).catch(() => {});
    });
  }

  async publish(message: LiveMessage): Promise<void> {
    if (this.onRedis()) {
      try {
        return await this.redis.publish(message);
      } catch {
        // Redis went away between the vote and its announcement: Postgres carries it.
      }
    }
    await this.postgres.publish(message);
  }

  async listen(topic: string): Promise<void> {
    this.watched.add(topic);
    this.redis.listen(topic).catch(() => {});
    await this.postgres.listen(topic);
  }

  async unlisten(topic: string): Promise<void> {
    this.watched.delete(topic);
    this.redis.unlisten(topic).catch(() => {});
    await this.postgres.unlisten(topic);
  }

  onMessage(handler: (message: LiveMessage) => void): void {
    this.redis.onMessage(handler);
    this.postgres.onMessage(handler);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.redis.close(), this.postgres.close()]);
  }
}
