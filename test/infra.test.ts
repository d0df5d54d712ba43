import { Redis } from "ioredis";
import pg from "pg";
import { describe, expect, test } from "vitest";
import { pgConfigFromUrl } from "../server/infra/db/pgConfig";
import { testStores } from "./support/workerStores";

describe("test infrastructure", () => {
  test("Postgres is migrated", async () => {
    const client = new pg.Client(pgConfigFromUrl(testStores().databaseUrl));
    await client.connect();
    try {
      const migrations = await client.query(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      );
      expect(migrations.rows.map((row) => row.migration_name)).toContainEqual(expect.stringMatching(/_init$/));
      const poll = await client.query("SELECT to_regclass('public.\"Poll\"') AS name");
      expect(poll.rows[0].name).toBe('"Poll"');
    } finally {
      await client.end();
    }
  });

  test("Redis is private and answers PING", async () => {
    const redisUrl = testStores().redisUrl;
    expect(new URL(redisUrl).port).not.toBe("6379");
    const redis = new Redis(redisUrl);
    try {
      expect(await redis.ping()).toBe("PONG");
    } finally {
      redis.disconnect();
    }
  });
});
