import type { Redis } from "ioredis";

/**
 * Drops every poll's meta hash, so the vote script answers not_loaded and the poll is rebuilt from Postgres by
 * its next vote. Run before votes move back to Redis: whatever Redis still holds predates the Postgres engine's
 * votes. A Redis that restarted empty has nothing to drop.
 */
export async function invalidateRedisPolls(redis: Redis): Promise<number> {
  let dropped = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", "{poll:*}:meta", "COUNT", 1_000);
    if (keys.length > 0) dropped += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
  return dropped;
}
