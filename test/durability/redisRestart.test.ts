import { describe, expect, it } from "vitest";
import { pollKeys, TOTAL_FIELD } from "../../server/engine/redis/keys";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { auditPoll, printFigures, settle } from "./support/audit";
import { useDurabilityBacking } from "./support/backing";
import { settleEngine } from "./support/servers";
import { VoteLoad } from "./support/voteLoad";

const COUPONS = 150;

describe("Redis restarts empty (no persistence) under a steady vote load", () => {
  const backing = useDurabilityBacking();

  it("rebuilds tallies, voter sets and coupon stock from Postgres, and no voter votes twice", async () => {
    const servers = await Promise.all([backing.startServer(), backing.startServer()]);
    const owner = servers[0].browser();
    await signUpOwner(owner);
    const validUntil = new Date(Date.now() + 86_400_000);
    const poll = await createOpenPoll(owner, { promotion: { title: "Free dessert", discount: "1 hotteok", quantity: COUPONS, validUntil } });
    const load = new VoteLoad({ urls: () => servers.map((s) => s.url), pollId: poll.id, optionIds: poll.options.map((o) => o.id) }).start();

    await load.untilAccepted(300);
    await backing.stopRedis();
    await backing.startRedis(); // empty: every poll's Redis state, stream and consumer group are gone
    const acceptedAtRestart = load.accepted.size;
    await load.untilAccepted(300);
    await load.stop();
    // A vote that met the restart may have moved voting to Postgres for a moment: wait until it is back on Redis.
    expect(await settleEngine(servers, "redis")).toEqual(["redis", "redis"]);

    // Every voter answered accepted tries again, on both servers: the rebuilt voter set (or Postgres) refuses all.
    const again = new VoteLoad({ urls: () => servers.map((s) => s.url), pollId: poll.id, optionIds: poll.options.map((o) => o.id) });
    const voters = [...load.accepted.keys()];
    const answers = await Promise.all(voters.map((voterId, i) => again.castAs(servers[i % 2].url, voterId, poll.options[0].id)));
    expect(answers.filter((a) => a !== "already_voted")).toEqual([]);

    const keys = pollKeys(poll.id);
    const audit = await settle(
      () => auditPoll(backing.db, backing.redis, poll.id, load),
      (a) => a.redisTally?.total === a.inPostgres,
    );
    const [redisVoters, meta, winners, promotion, coupons] = await Promise.all([
      backing.redis.smembers(keys.voters),
      backing.redis.hgetall(keys.meta),
      backing.redis.hgetall(keys.winners),
      backing.db.promotion.findUniqueOrThrow({ where: { pollId: poll.id } }),
      backing.db.coupon.findMany({ where: { pollId: poll.id }, select: { voterId: true, code: true } }),
    ]);
    const ballotVoters = (await backing.db.ballot.findMany({ where: { pollId: poll.id }, select: { voterId: true } })).map((b) => b.voterId);
    printFigures("Redis restart without persistence", audit, load, {
      acceptedAtRestart,
      revotesAccepted: answers.filter((a) => a === "accepted").length,
      redisVoters: redisVoters.length,
      couponsIssued: coupons.length,
      couponsLeftRedis: meta.couponsLeft,
      couponsLeftPostgres: promotion.remaining,
    });

    expect(audit.acceptedMissing).toBe(0);
    expect(audit.doubleCounts).toBe(0);
    const { total, ...redisPerOption } = audit.redisTally ?? {};
    expect(total).toBe(audit.inPostgres);
    expect(redisPerOption).toEqual(audit.perOption);
    expect(audit.counters.total).toBe(audit.inPostgres);
    expect(new Set(redisVoters)).toEqual(new Set(ballotVoters));
    expect(coupons).toHaveLength(Math.min(COUPONS, audit.inPostgres));
    expect(promotion.remaining).toBe(COUPONS - coupons.length);
    expect(Number(meta.couponsLeft)).toBe(promotion.remaining);
    expect(winners).toEqual(Object.fromEntries(coupons.map((c) => [c.voterId, c.code])));
    expect(meta.ready).toBe("1");
    expect(await backing.redis.hget(keys.tally, TOTAL_FIELD)).toBe(String(audit.inPostgres));
  });
});
