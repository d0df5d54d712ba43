import { describe, expect, it } from "vitest";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { openScreen } from "../support/screen";
import { auditPoll, expectExactAudit, printFigures, settle } from "./support/audit";
import { useDurabilityBacking } from "./support/backing";
import { metric, readiness, settleEngine } from "./support/servers";
import { VoteLoad } from "./support/voteLoad";

const OUTAGE_MS = 10_000;

describe("Redis outage: Redis is stopped for 10 s under a steady vote load, then started again (empty)", () => {
  const backing = useDurabilityBacking();

  it("keeps accepting votes on Postgres, keeps screens live, loses nothing and counts no one twice", async () => {
    const servers = await Promise.all([backing.startServer(), backing.startServer()]);
    const [a, b] = servers;
    const owner = a.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const screen = openScreen(b.url, poll.id);
    const load = new VoteLoad({ urls: () => servers.map((s) => s.url), pollId: poll.id, optionIds: poll.options.map((o) => o.id) }).start();
    try {
      await load.untilAccepted(300);
      expect((await readiness(a)).body).toMatchObject({ ready: true, redis: "up", postgres: "up", migrations: "applied", engine: "redis" });

      await backing.stopRedis();
      const before = { accepted: load.accepted.size, errors: load.errors, frames: screen.updates.length };
      // The first vote that meets the outage moves every process to Postgres (shared engine state).
      const enginesDuringOutage = await settleEngine(servers, "postgres", OUTAGE_MS);
      const readyDuringOutage = await readiness(a);
      const engineGauge = await metric(b, 'tableside_vote_engine{engine="postgres"}');
      const totalAtOutageMidpoint = screen.latest()?.results?.total ?? 0;
      await new Promise((r) => setTimeout(r, OUTAGE_MS - 1_000));
      const during = {
        accepted: load.accepted.size - before.accepted,
        errors: load.errors - before.errors,
        frames: screen.updates.length - before.frames,
        screenTotal: screen.latest()?.results?.total ?? 0,
      };
      await backing.startRedis();

      // Back on Redis once it answers again; each poll is rebuilt from Postgres by its first vote.
      const enginesAfter = await settleEngine(servers, "redis");
      await load.untilAccepted(300);
      await load.stop();

      const audit = await settle(
        () => auditPoll(backing.db, backing.redis, poll.id, load),
        (x) => x.redisTally?.total === x.inPostgres,
      );
      const switches = {
        toPostgres: (await metric(a, 'tableside_engine_switches_total{to="postgres"}')) + (await metric(b, 'tableside_engine_switches_total{to="postgres"}')),
        toRedis: (await metric(a, 'tableside_engine_switches_total{to="redis"}')) + (await metric(b, 'tableside_engine_switches_total{to="redis"}')),
      };
      const finalFrame = await screen.waitFor((u) => u.results?.total === audit.inPostgres);
      printFigures("Redis outage 10 s", audit, load, {
        acceptedDuringOutage: during.accepted,
        errorsDuringOutage: during.errors,
        screenFramesDuringOutage: during.frames,
        ...switches,
        errorSamples: JSON.stringify([...load.errorSamples]),
      });

      expect(enginesDuringOutage).toEqual(["postgres", "postgres"]);
      expect(readyDuringOutage).toMatchObject({ status: 200, body: { ready: true, redis: "down", engine: "postgres" } });
      expect(engineGauge).toBe(1);
      expect(during.accepted).toBeGreaterThan(100);
      // Live screens kept moving through LISTEN/NOTIFY while Redis was away.
      expect(during.frames).toBeGreaterThan(0);
      expect(during.screenTotal).toBeGreaterThan(totalAtOutageMidpoint);
      expect(enginesAfter).toEqual(["redis", "redis"]);
      expect(switches.toPostgres).toBeGreaterThanOrEqual(2);
      expect(switches.toRedis).toBeGreaterThanOrEqual(2);

      expectExactAudit(audit);
      const { total: _counterTotal, ...counterPerOption } = audit.counters;
      expect(counterPerOption).toEqual(audit.perOption);
      expect(finalFrame.results?.total).toBe(audit.inPostgres);
      expect(await metric(a, 'tableside_votes_total{outcome="accepted"}')).toBeGreaterThan(0);
      expect(await metric(a, "tableside_vote_duration_seconds_count")).toBeGreaterThan(0);
      expect(await metric(b, "tableside_open_sockets")).toBe(1);
    } finally {
      screen.close();
      await load.stop();
    }
  });
});
