import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { pollKeys } from "../../server/engine/redis/keys";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { auditPoll, printFigures } from "./support/audit";
import { useDurabilityBacking } from "./support/backing";
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
