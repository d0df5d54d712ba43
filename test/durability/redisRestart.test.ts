import pg from "pg";
import { describe, expect, it } from "vitest";
import { pollKeys, TOTAL_FIELD } from "../../server/engine/redis/keys";
import { pgConfigFromUrl } from "../../server/infra/db/pgConfig";
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

  it("issues exactly N coupons when Redis restarts empty while ballots it accepted are still on their way to Postgres", async () => {
    const ROUNDS = 3;
    const STOCK = 120;
    const servers = await Promise.all([backing.startServer(), backing.startServer()]);
    const owner = servers[0].browser();
    await signUpOwner(owner);
    const validUntil = new Date(Date.now() + 86_400_000);
    const poll = await createOpenPoll(owner, { promotion: { title: "Free tea", discount: "1 cup", quantity: STOCK, validUntil } });
    const keys = pollKeys(poll.id);
    const urls = () => servers.map((s) => s.url);
    const load = new VoteLoad({ urls, pollId: poll.id, optionIds: poll.options.map((o) => o.id) }).start();
    let rebuiltWhileWaiting = 0;
    let newcomersAccepted = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      await load.untilAccepted(20);
      // A slow commit, as a loaded Postgres makes one: the poll's ballots queue behind a transaction holding its
      // lock, accepted by Redis and not yet in Postgres, while Redis restarts empty under them.
      const slow = new pg.Client(pgConfigFromUrl(backing.databaseUrl));
      await slow.connect();
      await slow.query("BEGIN");
      await slow.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [poll.id]);
      await sleep(300);
      await backing.stopRedis();
      await backing.startRedis();
      await sleep(1_500); // the servers' connections come back (they retry at most 1 s apart)
      // Diners who reach the new Redis have the poll rebuilt from Postgres, which does not hold the waiting ballots.
      const newcomers = Promise.all(
        Array.from({ length: 10 }, (_, i) => load.castAs(urls()[i % 2], `restart-${round}-${i}`, poll.options[i % poll.options.length].id)),
      );
      const ready = await settle(() => backing.redis.hget(keys.meta, "ready").catch(() => null), (r) => r === "1", 5_000);
      if (ready === "1") rebuiltWhileWaiting++;
      await sleep(100);
      await slow.query("COMMIT");
      await slow.end();
      newcomersAccepted += (await newcomers).filter((a) => a === "accepted").length;
    }
    await load.untilAccepted(STOCK + 60 - load.accepted.size - newcomersAccepted);
    await load.stop();
    expect(await settleEngine(servers, "redis")).toEqual(["redis", "redis"]);

    const [coupons, promotion, ballots] = await Promise.all([
      backing.db.coupon.count({ where: { pollId: poll.id } }),
      backing.db.promotion.findUniqueOrThrow({ where: { pollId: poll.id } }),
      backing.db.ballot.count({ where: { pollId: poll.id } }),
    ]);
    // One more vote through each server reads the stock as Redis now holds it (rebuilt if it was stale).
    await Promise.all(urls().map((url, i) => load.castAs(url, `after-${i}`, poll.options[0].id)));
    const meta = await backing.redis.hgetall(keys.meta);
    console.log(
      `[durability] Redis restart with ballots in flight: rounds=${ROUNDS} rebuiltWhileWaiting=${rebuiltWhileWaiting} ` +
        `ballots=${ballots} stock=${STOCK} couponsIssued=${coupons} remainingPostgres=${promotion.remaining} couponsLeftRedis=${meta.couponsLeft} ` +
        `accepted=${load.accepted.size + newcomersAccepted} errors=${load.errors}`,
    );
    expect(rebuiltWhileWaiting).toBeGreaterThan(0); // the race window was open at least once
    expect(ballots).toBeGreaterThan(STOCK);
    expect(coupons).toBe(STOCK);
    expect(promotion.remaining).toBe(0);
    expect(meta.couponsLeft).toBe("0");
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
