import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditPoll, printFigures, settle } from "../../durability/support/audit";
import { useDurabilityBacking } from "../../durability/support/backing";
import { VoteLoad } from "../../durability/support/voteLoad";
import { UNLIMITED } from "../../../server/limits/rules";
import { Browser } from "../../support/browser";
import { createOpenPoll, signUpOwner } from "../../support/fixtures";
import { openScreen } from "../../support/screen";
import { BALANCER_SOURCE, type Balancer, startHaproxy } from "../support/haproxy";

const SCREENS = 6;
const NEW_VOTERS_PER_ADDRESS = 4;

describe("3 app processes behind HAProxy; one is SIGKILLed under a steady vote load", () => {
  const backing = useDurabilityBacking();
  let balancer: Balancer | undefined;
  let dir = "";
  afterAll(async () => {
    await balancer?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("carries every vote to screens on every process, loses no accepted vote, and keeps one diner one voter", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tableside-balancer-"));
    // Same SESSION_SECRET everywhere (startServerProcess), and X-Forwarded-For believed only from HAProxy's address.
    // New voters per address are limited to 4 here, so the address a vote is counted under shows.
    const limits = JSON.stringify({ ...UNLIMITED, newVotersPerIp: { limit: NEW_VOTERS_PER_ADDRESS, windowMs: 600_000 } });
    // The production server as the container starts it (npm run start:prod: pages and API; scripts/topology.mjs
    // builds the pages first), so what the image runs is what this test ran.
    const servers = await Promise.all(
      [0, 1, 2].map(() => backing.startServer({ production: true, env: { TRUST_PROXY: BALANCER_SOURCE, RATE_LIMITS: limits } })),
    );
    balancer = await startHaproxy(dir, servers.map((s) => s.port));
    const owner = new Browser(balancer.url); // its session cookie works on whichever process HAProxy picks
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const optionIds = poll.options.map((o) => o.id);
    // Round robin spreads the screens' WebSockets over the 3 processes.
    const screens = Array.from({ length: SCREENS }, () => openScreen(balancer!.url, poll.id));
    try {
      // A vote on each process, straight to it, reaches every screen, whichever process holds the screen.
      for (const [i, server] of servers.entries()) {
        await server.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [optionIds[i]] });
        await Promise.all(screens.map((s) => s.waitFor((u) => u.results?.total === i + 1, 10_000)));
      }
      // One diner, three processes: the cookie issued by one is honoured by the others.
      const diner = new Browser(balancer.url);
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push((await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [optionIds[0]] })).status);

      // Forwarded addresses are believed from HAProxy alone: 6 new diners on 6 networks through it are 6 addresses
      // (as HAProxy's own address they would pass the limit of 4); straight to a process, a forged
      // X-Forwarded-For is ignored, and 127.0.0.1 has used its 4 new voters (3 straight votes, 1 diner above).
      const throughBalancer = [];
      for (let i = 0; i < 6; i++) {
        const elsewhere = new Browser(balancer.url, `127.0.0.${20 + i}`);
        throughBalancer.push((await elsewhere.api.vote.cast.mutate({ pollId: poll.id, optionIds: [optionIds[1]] })).status);
      }
      const forged = await fetch(`${servers[0].url}/api/trpc/vote.cast`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" },
        body: JSON.stringify({ pollId: poll.id, optionIds: [optionIds[1]] }),
      });

      const load = new VoteLoad({ urls: () => [balancer!.url], pollId: poll.id, optionIds }).start();
      let through = { accepted: 0, errors: 0, ms: 1 };
      try {
        await load.untilAccepted(300);
        const atKill = { accepted: load.accepted.size, errors: load.errors, at: Date.now() };
        expect(await servers[1].stop("SIGKILL")).toBeNull();
        await new Promise((r) => setTimeout(r, 5_000));
        through = { accepted: load.accepted.size - atKill.accepted, errors: load.errors - atKill.errors, ms: Date.now() - atKill.at };
        await load.untilAccepted(300);
      } finally {
        await load.stop();
      }

      const audit = await settle(
        () => auditPoll(backing.db, backing.redis, poll.id, load),
        (x) => x.redisTally?.total === x.inPostgres && x.counters.total === x.inPostgres,
      );
      // Screens of the killed process reconnect through the balancer to a live one and catch up.
      const finals = await Promise.all(screens.map((s) => s.waitFor((u) => u.results?.total === audit.inPostgres, 20_000).catch(() => null)));
      printFigures("3 processes behind HAProxy, one SIGKILLed", audit, load, {
        lost: audit.acceptedMissing,
        double: audit.doubleCounts,
        acceptedPerSecondThroughFault: ((through.accepted * 1000) / through.ms).toFixed(1),
        errorsThroughFault: through.errors,
        screensAtFinalTotal: `${finals.filter(Boolean).length}/${SCREENS}`,
        errorSamples: JSON.stringify([...load.errorSamples]),
      });

      expect(answers).toEqual(["accepted", "already_voted", "already_voted"]);
      expect(throughBalancer).toEqual(Array(6).fill("accepted"));
      expect(forged.status).toBe(429);
      expect(through.accepted).toBeGreaterThan(0);
      expect(audit.acceptedMissing).toBe(0);
      expect(audit.acceptedWrongOption).toBe(0);
      expect(audit.doubleCounts).toBe(0);
      expect(audit.acceptedTwice).toBe(0);
      expect(audit.counters.total).toBe(audit.inPostgres);
      expect(finals.filter(Boolean)).toHaveLength(SCREENS);
    } finally {
      for (const s of screens) s.close();
    }
  });
});
