import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCouponCode } from "../../server/domain/votes/castVote";
import type { PollDefinition } from "../../server/domain/polls/definition";
import { recordBallots } from "../../server/engine/postgres/recordBallots";
import { StreamFlusher } from "../../server/engine/redis/ledger/streamFlusher";
import { VoterBloomPrecheck } from "../../server/engine/redis/bloomPrecheck";
import { pollKeys } from "../../server/engine/redis/keys";
import { RedisVoteEngine } from "../../server/engine/redis/redisEngine";
import { defineScripts, type ScriptedRedis } from "../../server/engine/redis/scripts";
import type { AcceptedBallot } from "../../server/engine/types";
import { runConcurrently } from "../support/fixtures";
import { useDurabilityBacking } from "./support/backing";
import { insertOpenPoll } from "./support/polls";

/**
 * The stream flusher on its own, with real Redis and Postgres: votes go through the real vote script without a
 * ballot ledger (answered from Redis), so every ballot reaches Postgres through the stream and the group alone.
 */
describe("stream flusher: consumer group, claims and replays", () => {
  const backing = useDurabilityBacking();
  const connections: ScriptedRedis[] = [];
  let engine: RedisVoteEngine;

  const connect = (): ScriptedRedis => {
    const redis = defineScripts(new Redis(backing.redisUrl));
    connections.push(redis);
    return redis;
  };
  const flusher = (consumer: string, options: { claimIdleMs?: number; batchSize?: number } = {}) =>
    new StreamFlusher(connect(), backing.db, { consumer, idleDelayMs: 10, onError: (e) => console.error(e), ...options });
  const vote = (poll: PollDefinition, voterId: string, option = 0) =>
    engine.castVote({ poll, voterId, optionIds: [poll.optionIds[option % poll.optionIds.length]], couponCode: newCouponCode(), now: new Date() });
  const castMany = (poll: PollDefinition, prefix: string, count: number) =>
    runConcurrently(Array.from({ length: count }, (_, i) => `${prefix}-${i}`), 20, (voterId, i) => vote(poll, voterId, i));
  const counts = async (pollId: string) => {
    const [{ tally }] = await backing.db.$queryRaw<{ tally: Record<string, number> }[]>`SELECT tableside_read_tally(${pollId}) AS tally`;
    return {
      ballots: await backing.db.ballot.count({ where: { pollId } }),
      counterTotal: tally[""] ?? 0,
      coupons: await backing.db.coupon.count({ where: { pollId } }),
      remaining: (await backing.db.promotion.findUnique({ where: { pollId } }))?.remaining ?? null,
    };
  };
  const pendingOf = async (pollId: string) => ((await backing.redis.xpending(pollKeys(pollId).ballots, "flusher")) as [number])[0];

  beforeAll(() => {
    engine = new RedisVoteEngine(connect(), backing.db, new VoterBloomPrecheck(), null);
  });
  afterAll(() => connections.forEach((c) => c.disconnect()));

  it("two flushers on one stream record every ballot exactly once between them", async () => {
    const poll = await insertOpenPoll(backing.db);
    const outcomes = await castMany(poll, "two", 1_000);
    expect(outcomes.every((o) => o.status === "accepted")).toBe(true);
    expect(await backing.redis.xlen(pollKeys(poll.id).ballots)).toBe(1_000);

    const a = flusher("a", { batchSize: 100 });
    const b = flusher("b", { batchSize: 100 });
    // Side by side, cycle for cycle, as two server processes would run them.
    for (let round = 0; round < 50 && (await backing.redis.xlen(pollKeys(poll.id).ballots)) > 0; round++) {
      await Promise.all([a.cycle(), b.cycle()]);
    }
    console.log(`[durability] two flushers: flushed by a=${a.flushed} b=${b.flushed} (sum ${a.flushed + b.flushed} of 1000)`);

    expect(a.flushed + b.flushed).toBe(1_000); // no entry handled twice, none left
    expect(a.flushed).toBeGreaterThan(0);
    expect(b.flushed).toBeGreaterThan(0);
    expect(await counts(poll.id)).toMatchObject({ ballots: 1_000, counterTotal: 1_000 });
    expect(await pendingOf(poll.id)).toBe(0);
    expect(await backing.redis.xlen(pollKeys(poll.id).ballots)).toBe(0);
  });

  it("claims the entries a crashed flusher left pending, and the dead consumer ends with none", async () => {
    const poll = await insertOpenPoll(backing.db, { quantity: 50 });
    const key = pollKeys(poll.id).ballots;
    await castMany(poll, "crash", 300);
    // A flusher that read everything, then died before writing or acknowledging anything.
    await backing.redis.xgroup("CREATE", key, "flusher", "0", "MKSTREAM");
    const taken = (await backing.redis.xreadgroup("GROUP", "flusher", "dead", "COUNT", 1_000, "STREAMS", key, ">")) as [string, unknown[]][];
    expect(taken[0][1]).toHaveLength(300);
    expect(await pendingOf(poll.id)).toBe(300);

    const survivor = flusher("survivor", { claimIdleMs: 200 });
    survivor.start();
    const deadline = Date.now() + 20_000;
    while ((await counts(poll.id)).ballots < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await survivor.stop();

    expect(await counts(poll.id)).toEqual({ ballots: 300, counterTotal: 300, coupons: 50, remaining: 0 });
    expect(survivor.flushed).toBe(300);
    expect(await pendingOf(poll.id)).toBe(0);
    expect(await backing.redis.xlen(key)).toBe(0);
  });

  it("drains a stream whose group does not exist yet (a poll opened just before SIGTERM, or Redis restarted empty)", async () => {
    const poll = await insertOpenPoll(backing.db);
    await castMany(poll, "new-poll", 200);
    const f = flusher("draining");
    await f.drain();
    expect(f.flushed).toBe(200);
    expect(await counts(poll.id)).toMatchObject({ ballots: 200, counterTotal: 200 });
    expect(await backing.redis.xlen(pollKeys(poll.id).ballots)).toBe(0);
  });

  it("inserts nothing twice when the same ballots are recorded again, from the stream or directly", async () => {
    const poll = await insertOpenPoll(backing.db, { quantity: 20 });
    const key = pollKeys(poll.id).ballots;
    await castMany(poll, "replay", 100);
    const entries = (await backing.redis.xrange(key, "-", "+")) as [string, string[]][];
    const f = flusher("replayer");
    while ((await backing.redis.xlen(key)) > 0) await f.cycle();
    const once = await counts(poll.id);
    expect(once).toEqual({ ballots: 100, counterTotal: 100, coupons: 20, remaining: 0 });

    // The same entries appended again (a process that died after Postgres committed but before the XDEL).
    for (const [, fields] of entries) await backing.redis.xadd(key, "*", ...fields);
    while ((await backing.redis.xlen(key)) > 0) await f.cycle();
    expect(await counts(poll.id)).toEqual(once);

    // And straight through recordBallots: "same" for a replay, "other" for a different ballot of a voter who has one.
    const ballots: AcceptedBallot[] = entries.map(([, fields]) => {
      const field = new Map<string, string>();
      for (let i = 0; i < fields.length; i += 2) field.set(fields[i], fields[i + 1]);
      return { pollId: poll.id, voterId: field.get("v")!, optionIds: field.get("o")!.split(","), castAtMs: Number(field.get("t")), couponCode: field.get("c") ?? null };
    });
    const replayed = await recordBallots(backing.db, ballots);
    expect(new Set(replayed.map((r) => r.outcome))).toEqual(new Set(["same"]));
    expect(replayed.filter((r) => r.couponCode).length).toBe(20);
    const changed = await recordBallots(backing.db, [{ ...ballots[0], optionIds: [poll.optionIds[2]], castAtMs: ballots[0].castAtMs + 5_000 }]);
    expect(changed[0].outcome).toBe("other");
    expect(await counts(poll.id)).toEqual(once);
  });
});
