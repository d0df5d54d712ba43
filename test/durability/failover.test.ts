import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { newCouponCode } from "../../server/domain/votes/castVote";
import { DurableAccept } from "../../server/engine/redis/ledger/durableAccept";
import { recordBallots } from "../../server/engine/postgres/recordBallots";
import { EngineModeStore } from "../../server/engine/failover/engineMode";
import { FailoverVoteEngine } from "../../server/engine/failover/failoverEngine";
import { PostgresVoteEngine } from "../../server/engine/postgres/postgresEngine";
import { VoterBloomPrecheck } from "../../server/engine/redis/bloomPrecheck";
import { connectFailFast } from "../../server/engine/redis/connection";
import { pollKeys, TOTAL_FIELD } from "../../server/engine/redis/keys";
import { RedisVoteEngine } from "../../server/engine/redis/redisEngine";
import type { ScriptedRedis } from "../../server/engine/redis/scripts";
import { pgConfigFromUrl } from "../../server/infra/db/pgConfig";
import { findFreePort } from "../../server/infra/freePort";
import { createLog } from "../../server/infra/log";
import type { PollDefinition } from "../../server/domain/polls/definition";
import { useDurabilityBacking } from "./support/backing";
import { insertOpenPoll } from "./support/polls";

/** The circuit breaker in one process, against real Redis (up, or a port where nothing listens) and Postgres. */
describe("failover engine", () => {
  const backing = useDurabilityBacking();
  const log = createLog("silent");
  let votePool: pg.Pool | null = null;
  afterAll(() => votePool?.end());
  const failoverOn = async (redis: ScriptedRedis, options = {}) =>
    new FailoverVoteEngine(
      new RedisVoteEngine(redis, backing.db, new VoterBloomPrecheck(), new DurableAccept(backing.db, redis)),
      new PostgresVoteEngine(backing.db, (votePool ??= new pg.Pool(pgConfigFromUrl(backing.databaseUrl, { max: 4 }))), true),
      redis,
      backing.db,
      log,
      { checkIntervalMs: 60_000, ...options },
    ).start();
  const request = (poll: PollDefinition, voterId: string, option: number, now = new Date()) => ({
    poll, voterId, optionIds: [poll.optionIds[option]], couponCode: newCouponCode(), now,
  });
  let poll: PollDefinition;

  it("moves to Postgres at the first outage error, and answers accepted for a vote whose ballot Redis had already passed on", async () => {
    poll = await insertOpenPoll(backing.db);
    const dead = await connectFailFast(`redis://127.0.0.1:${await findFreePort()}`, () => {});
    const engine = await failoverOn(dead);
    try {
      // The vote Redis ran before its reply was lost, already recorded from its stream entry by a flusher.
      const lost = request(poll, "lost-reply", 1);
      await recordBallots(backing.db, [{ pollId: poll.id, voterId: "lost-reply", optionIds: lost.optionIds, castAtMs: lost.now.getTime(), couponCode: null }]);
      // A voter who really did vote before.
      await recordBallots(backing.db, [{ pollId: poll.id, voterId: "earlier", optionIds: [poll.optionIds[0]], castAtMs: Date.now() - 60_000, couponCode: null }]);

      expect((await engine.castVote(lost)).status).toBe("accepted");
      expect(engine.name).toBe("postgres");
      expect(await new EngineModeStore(backing.db).read()).toBe("postgres");
      expect((await engine.castVote(request(poll, "earlier", 2))).status).toBe("already_voted");
      expect((await engine.castVote(request(poll, "fresh", 2))).status).toBe("accepted");
      expect((await engine.castVote(request(poll, "fresh", 0))).status).toBe("already_voted");
      const results = await engine.readResults(poll);
      expect(results.total).toBe(3);
      expect(await backing.db.ballot.count({ where: { pollId: poll.id } })).toBe(3);
    } finally {
      await engine.close();
    }
  });

  it("moves back once Redis answers, drops stale poll state, and rebuilds the poll from Postgres before it votes again", async () => {
    const keys = pollKeys(poll.id);
    // What Redis held before the outage: ready, but missing every vote cast on Postgres since.
    await backing.redis.hset(keys.meta, "ready", "1", "status", "open", "opensAt", "0", "closesAt", "0");
    await backing.redis.hset(keys.tally, poll.optionIds[0], "7", TOTAL_FIELD, "7");
    await backing.redis.sadd(keys.voters, "someone-else");

    const redis = await connectFailFast(backing.redisUrl, () => {});
    const engine = await failoverOn(redis, { checkIntervalMs: 50, healthOptions: { sustainMs: 200 } });
    try {
      expect(engine.name).toBe("postgres"); // follows the shared state at start
      const deadline = Date.now() + 10_000;
      while (engine.name !== "redis" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(engine.name).toBe("redis");
      expect(await new EngineModeStore(backing.db).read()).toBe("redis");

      expect((await engine.castVote(request(poll, "fresh", 1))).status).toBe("already_voted");
      expect((await engine.castVote(request(poll, "after", 0))).status).toBe("accepted");
      const tally = await backing.redis.hgetall(keys.tally);
      expect(tally[TOTAL_FIELD]).toBe("4");
      expect(new Set(await backing.redis.smembers(keys.voters))).toEqual(new Set(["lost-reply", "earlier", "fresh", "after"]));
      expect(await backing.db.ballot.count({ where: { pollId: poll.id } })).toBe(4);
    } finally {
      await engine.close();
    }
  });
});
