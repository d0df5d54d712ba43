import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollKeys } from "./keys";
import { defineScripts, type ScriptedRedis } from "./scripts";
import { testStores } from "../../../test/support/workerStores";

/** The ordering rule of a poll's schedule in Redis meta: a newer version is never overwritten by an older one. */
describe("setSchedule.lua and finishRebuild.lua", () => {
  let redis: ScriptedRedis;
  beforeAll(() => {
    redis = defineScripts(new Redis(testStores().redisUrl));
  });
  afterAll(() => redis.quit());

  const keysOf = (pollId: string) => {
    const k = pollKeys(pollId);
    return [k.meta, k.voters, k.tally, k.winners] as const;
  };

  it("keeps the newest version whatever order the writes arrive in", async () => {
    const k = keysOf("sched-order");
    expect(await redis.setSchedule(...k, "3", "open", "0", "5000", "")).toBe(1);
    expect(await redis.setSchedule(...k, "2", "closed", "0", "0", "")).toBe(0);
    expect(await redis.hgetall(k[0])).toMatchObject({ version: "3", status: "open", closesAt: "5000" });
    expect(await redis.setSchedule(...k, "4", "closed", "0", "5000", "9000")).toBe(1);
    expect(await redis.hgetall(k[0])).toMatchObject({ version: "4", status: "closed", couponValidUntil: "9000" });
  });

  it("drops what was loaded of a draft when it opens, and keeps a reopened poll's voters and stock", async () => {
    const k = keysOf("sched-draft");
    await redis.hset(k[0], "ready", "1", "version", "0", "status", "draft", "couponsLeft", "3");
    await redis.sadd(k[1], "someone");
    await redis.setSchedule(...k, "1", "open", "0", "0", "");
    expect(await redis.hgetall(k[0])).toEqual({ version: "1", status: "open", opensAt: "0", closesAt: "0" });
    expect(await redis.exists(k[1])).toBe(0);

    await redis.hset(k[0], "ready", "1", "couponsLeft", "2");
    await redis.sadd(k[1], "voter");
    await redis.setSchedule(...k, "2", "closed", "0", "0", "");
    // A close leaves the state to be rebuilt from Postgres, which holds the close's final tally (docs/adr/0018).
    expect(await redis.hget(k[0], "ready")).toBeNull();
    await redis.setSchedule(...k, "3", "open", "0", "0", "");
    expect(await redis.hgetall(k[0])).toMatchObject({ couponsLeft: "2", status: "open", version: "3" });
    expect(await redis.sismember(k[1], "voter")).toBe(1);
  });

  it("a rebuild that read an older version than meta holds marks nothing ready", async () => {
    const [meta] = keysOf("sched-rebuild");
    await redis.hset(meta, "version", "5", "status", "open", "closesAt", "0");
    expect(await redis.finishRebuild(meta, "4", "closed", "0", "1000", "7", "9000")).toBe(0);
    expect(await redis.hgetall(meta)).toEqual({ version: "5", status: "open", closesAt: "0" });
    expect(await redis.finishRebuild(meta, "5", "open", "0", "0", "7", "9000")).toBe(1);
    expect(await redis.hgetall(meta)).toMatchObject({ ready: "1", version: "5", couponsLeft: "7" });
  });
});
