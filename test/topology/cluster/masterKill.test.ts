import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollKeys } from "../../../server/engine/redis/keys";
import { createRedisClient, type RedisClient } from "../../../server/infra/redis/redisClient";
import { auditPoll, expectExactAudit, printFigures, settle } from "../../durability/support/audit";
import { useDurabilityBacking } from "../../durability/support/backing";
import { metric, settleEngine } from "../../durability/support/servers";
import { VoteLoad } from "../../durability/support/voteLoad";
import { createOpenPoll, signUpOwner } from "../../support/fixtures";
import { openScreen } from "../../support/screen";
import { type RedisClusterHandle, startRedisCluster } from "../support/redisCluster";

describe("Redis Cluster: the master holding the poll's slot is SIGKILLed under a steady vote load; its replica takes over", () => {
  const backing = useDurabilityBacking(); // a fresh database of its own (its single redis-server stays unused)
  let cluster: RedisClusterHandle;
  let clusterDir = "";
  let reader: RedisClient;

  beforeAll(async () => {
    clusterDir = await mkdtemp(path.join(tmpdir(), "tableside-master-kill-"));
    cluster = await startRedisCluster(clusterDir);
    reader = createRedisClient(cluster.url, { maxRetriesPerRequest: 1 });
    reader.on("error", () => {});
  });
  afterAll(async () => {
    reader?.disconnect();
    await cluster?.stop();
    if (clusterDir) await rm(clusterDir, { recursive: true, force: true });
  });

  it("answers every vote, loses no accepted vote, counts no one twice, and goes back to Redis on the new master", async () => {
    const servers = await Promise.all([0, 1].map(() => backing.startServer({ env: { REDIS_URL: cluster.url } })));
    const [a, b] = servers;
    const owner = a.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const screen = openScreen(b.url, poll.id);
    const load = new VoteLoad({ urls: () => servers.map((s) => s.url), pollId: poll.id, optionIds: poll.options.map((o) => o.id) }).start();
    try {
      await load.untilAccepted(300);
      expect(await settleEngine(servers, "redis", 1_000)).toEqual(["redis", "redis"]);

      const victim = await cluster.masterOf(pollKeys(poll.id).meta);
      const atKill = { accepted: load.accepted.size, errors: load.errors, at: Date.now() };
      await cluster.kill(victim);
      const promotedInMs = await cluster.waitForPromotion(victim);
      // The breaker moved every process to Postgres at the first failed vote; it moves back once every master
      // answers and no slot is without one (redisAnswers), and each poll is rebuilt from Postgres by its next vote.
      const enginesAfter = await settleEngine(servers, "redis", 30_000);
      const backOnRedisInMs = Date.now() - atKill.at;
      const through = { accepted: load.accepted.size - atKill.accepted, errors: load.errors - atKill.errors };
      await load.untilAccepted(300);
      await load.stop();

      const audit = await settle(
        () => auditPoll(backing.db, reader, poll.id, load),
        (x) => x.redisTally?.total === x.inPostgres,
      );
      const finalFrame = await screen.waitFor((u) => u.results?.total === audit.inPostgres, 15_000);
      const toPostgres = (await metric(a, 'tableside_engine_switches_total{to="postgres"}')) + (await metric(b, 'tableside_engine_switches_total{to="postgres"}'));
      printFigures("Redis Cluster master SIGKILL", audit, load, {
        lost: audit.acceptedMissing,
        double: audit.doubleCounts,
        acceptedPerSecondThroughFault: ((through.accepted * 1000) / backOnRedisInMs).toFixed(1),
        acceptedThroughFault: through.accepted,
        errorsThroughFault: through.errors,
        promotedInMs,
        backOnRedisInMs,
        switchesToPostgres: toPostgres,
        errorSamples: JSON.stringify([...load.errorSamples]),
      });

      expect(enginesAfter).toEqual(["redis", "redis"]);
      expect(through.accepted).toBeGreaterThan(0);
      // A failover is an outage the breaker rides out on Postgres, not an error a diner sees.
      expect(through.errors).toBe(0);
      expectExactAudit(audit);
      // Live tallies crossed processes over the cluster's pub/sub (and LISTEN/NOTIFY while on Postgres).
      expect(finalFrame.results?.total).toBe(audit.inPostgres);
    } finally {
      screen.close();
      await load.stop();
    }
  });
});
