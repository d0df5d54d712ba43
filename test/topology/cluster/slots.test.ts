import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pollKeys, TOTAL_FIELD } from "../../../server/engine/redis/keys";
import { invalidateRedisPolls } from "../../../server/engine/failover/invalidateRedisPolls";
import { createRedisClient, isCluster, type RedisClient } from "../../../server/infra/redis/redisClient";
import { createOpenPoll, signUpOwner } from "../../support/fixtures";
import { useTestApp } from "../../support/testApp";

describe("Redis Cluster: polls spread over the masters, each poll in one slot", () => {
  const app = useTestApp("redis");
  let redis: RedisClient;
  beforeAll(async () => {
    redis = createRedisClient(inject("redisClusterUrl"));
  });
  afterAll(() => redis?.disconnect());

  it("votes land in each poll's slot on its master, the engine stays on Redis, and the meta scan reaches every master", async () => {
    expect(isCluster(redis)).toBe(true);
    const owner = app.browser();
    await signUpOwner(owner);
    const polls = await Promise.all(Array.from({ length: 12 }, () => createOpenPoll(owner)));
    for (const [i, poll] of polls.entries()) {
      for (let v = 0; v <= i % 3; v++) await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    }
    expect(app.services.engine.name).toBe("redis");
    const slots = new Set<number>();
    const masters = new Set<string>();
    for (const [i, poll] of polls.entries()) {
      const keys = Object.values(pollKeys(poll.id));
      const keySlots = new Set(await Promise.all(keys.map(async (key) => Number(await redis.call("CLUSTER", "KEYSLOT", key)))));
      expect(keySlots.size).toBe(1); // every key of one poll in one slot: one script may touch them all
      const [slot] = keySlots;
      slots.add(slot);
      const owner = (redis as import("ioredis").Cluster).slots[slot][0];
      masters.add(owner);
      expect(Number(await redis.hget(pollKeys(poll.id).tally, TOTAL_FIELD))).toBe((i % 3) + 1);
    }
    expect(masters.size).toBeGreaterThan(1); // 12 polls did not all hash to one master
    // Before votes move back to Redis, every poll's meta is dropped, on whichever master it lives.
    expect(await invalidateRedisPolls(redis)).toBeGreaterThanOrEqual(polls.length);
    for (const poll of polls) expect(await redis.exists(pollKeys(poll.id).meta)).toBe(0);
    // The next vote rebuilds the poll from Postgres, exactly.
    const again = await app.browser().api.vote.cast.mutate({ pollId: polls[2].id, optionIds: [polls[2].options[1].id] });
    expect(again.results?.total).toBe(4);
  });
});
