import { mastersOf, type RedisClient } from "../../infra/redis/redisClient";

/**
 * Drops every poll's meta hash, so the vote script answers not_loaded and the poll is rebuilt from Postgres by
 * its next vote. Run before votes move back to Redis: whatever Redis still holds predates the Postgres engine's
 * votes. A Redis that restarted empty has nothing to drop. On a cluster every master is scanned, and each key
 * is unlinked by itself (each poll's keys hash to a slot of their own, and a multi-key command must not span slots).
 */
export async function invalidateRedisPolls(redis: RedisClient): Promise<number> {
  let dropped = 0;
  for (const node of mastersOf(redis)) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", "{poll:*}:meta", "COUNT", 1_000);
      if (keys.length > 0) {
        const pipeline = node.pipeline();
        for (const key of keys) pipeline.unlink(key);
        for (const [error, count] of (await pipeline.exec()) ?? []) {
          if (error) throw error;
          dropped += Number(count);
        }
      }
      cursor = next;
    } while (cursor !== "0");
  }
  return dropped;
}
