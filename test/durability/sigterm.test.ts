import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { pollKeys } from "../../server/engine/redis/keys";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { auditPoll, printFigures } from "./support/audit";
import { useDurabilityBacking } from "./support/backing";
import { readiness } from "./support/servers";
import { VoteLoad } from "./support/voteLoad";

// "postgres": votes are answered once Postgres has them (production). "redis": answered from Redis alone, so only
// the shutdown's flusher drain can bring the last ones to Postgres before the process exits.
describe.each(["postgres", "redis"])("graceful shutdown: SIGTERM under a steady vote load (vote ack: %s)", (voteAck) => {
  const backing = useDurabilityBacking();

  it("exits 0 with every accepted vote already in Postgres, its stream drained, and screens told to reconnect", async () => {
    const server = await backing.startServer({ env: { VOTE_ACK: voteAck } });
    const owner = server.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/api/trpc`);
    const closeCode = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    const reconnectHint = new Promise<boolean>((resolve) => {
      socket.on("message", (data) => /reconnect/.test(String(data)) && resolve(true));
      socket.on("close", () => resolve(false));
    });
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));

    const load = new VoteLoad({ urls: () => [server.url], pollId: poll.id, optionIds: poll.options.map((o) => o.id) }).start();
    await load.untilAccepted(500);
    const exitCode = await server.stop("SIGTERM");
    await load.stop();

    // No restart and no other process: what is in Postgres now is what this process left there on its way out.
    const audit = await auditPoll(backing.db, backing.redis, poll.id, load);
    const leftInStream = await backing.redis.xlen(pollKeys(poll.id).ballots);
    printFigures(`SIGTERM (ack after ${voteAck})`, audit, load, { exitCode, leftInStream, refusedWhileStopping: load.errors });

    expect(exitCode).toBe(0);
    expect(audit.accepted).toBeGreaterThanOrEqual(500);
    expect(audit.acceptedMissing).toBe(0);
    expect(audit.doubleCounts).toBe(0);
    expect(audit.redisTally?.total).toBe(audit.inPostgres);
    expect(audit.counters.total).toBe(audit.inPostgres);
    expect(leftInStream).toBe(0);
    expect(await reconnectHint).toBe(true);
    expect(await closeCode).toBe(1012);
    // The final snapshot of the drain: the chart's last point holds every ballot.
    const last = await backing.db.tallySnapshot.findFirst({ where: { pollId: poll.id }, orderBy: { takenAt: "desc" } });
    expect(last?.total).toBe(audit.inPostgres);
  });
});

// A rolling restart behind a balancer: the process must leave the balancer's rotation before it refuses anyone.
describe("rolling restart: SIGTERM with a drain delay", () => {
  const backing = useDurabilityBacking();
  const DRAIN_DELAY_MS = 1_500;

  it("answers /api/ready 503 while it still takes votes, then drains and exits 0 with every accepted vote in Postgres", async () => {
    const server = await backing.startServer({ env: { SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) } });
    const owner = server.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const load = new VoteLoad({ urls: () => [server.url], pollId: poll.id, optionIds: poll.options.map((o) => o.id) }).start();
    await load.untilAccepted(200);

    const sentAt = Date.now();
    const exited = server.stop("SIGTERM");
    while ((await readiness(server)).status !== 503) await sleep(20);
    const notReadyAfterMs = Date.now() - sentAt;
    const acceptedAtNotReady = load.accepted.size;
    await sleep(DRAIN_DELAY_MS - notReadyAfterMs - 300); // inside the delay: not ready, still voting
    const acceptedWhileNotReady = load.accepted.size - acceptedAtNotReady;
    const secondsNotReady = (Date.now() - sentAt - notReadyAfterMs) / 1000;
    const exitCode = await exited;
    await load.stop();

    const audit = await auditPoll(backing.db, backing.redis, poll.id, load);
    printFigures("rolling restart (SIGTERM, drain delay)", audit, load, {
      exitCode,
      drainDelayMs: DRAIN_DELAY_MS,
      readyAnswered503AfterMs: notReadyAfterMs,
      acceptedWhileNotReady,
      acceptedPerSecondWhileNotReady: Math.round(acceptedWhileNotReady / secondsNotReady),
      unansweredOnceDraining: load.refused + load.errors,
    });

    expect(exitCode).toBe(0);
    expect(notReadyAfterMs).toBeLessThan(DRAIN_DELAY_MS - 300);
    expect(acceptedWhileNotReady).toBeGreaterThan(0);
    expect(audit.acceptedMissing).toBe(0);
    expect(audit.doubleCounts).toBe(0);
    expect(audit.counters.total).toBe(audit.inPostgres);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
