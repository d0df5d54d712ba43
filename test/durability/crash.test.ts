import { describe, expect, it } from "vitest";
import { pollKeys } from "../../server/engine/redis/keys";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { auditPoll, expectExactAudit, printFigures, settle } from "./support/audit";
import { useDurabilityBacking } from "./support/backing";
import { VoteLoad } from "./support/voteLoad";

// "postgres": votes are answered once Postgres has them (production); the kill leaves at most the votes in flight
// between Redis and Postgres. "redis": answered from Redis alone, so the kill leaves the stream's unflushed
// backlog, which only the restarted process's flusher can bring to Postgres.
describe.each(["postgres", "redis"])("crash: SIGKILL under a steady vote load, then restart (vote ack: %s)", (voteAck) => {
  const backing = useDurabilityBacking();

  it("keeps every vote answered accepted, and Postgres ends with exactly the ballots Redis counted", async () => {
    let server = await backing.startServer({ env: { VOTE_ACK: voteAck } });
    const owner = server.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const load = new VoteLoad({ urls: () => [server.url], pollId: poll.id, optionIds: poll.options.map((o) => o.id) }).start();

    await load.untilAccepted(400);
    expect(await server.stop("SIGKILL")).toBeNull(); // killed by the signal, no exit code: nothing ran on the way out
    const redisAtKill = Number(await backing.redis.hget(pollKeys(poll.id).tally, "_total"));
    const postgresAtKill = await backing.db.ballot.count({ where: { pollId: poll.id } });
    const streamAtKill = await backing.redis.xlen(pollKeys(poll.id).ballots);
    const acceptedAtKill = load.accepted.size;

    server = await backing.startServer({ port: server.port, env: { VOTE_ACK: voteAck } });
    await load.untilAccepted(300);
    await load.stop();

    // Ballots Redis counted but the killed process never committed are left in the poll's stream: the restarted
    // process's flusher records them (new entries at once, entries pending for the dead consumer once claimable).
    // Entries the dead process's flusher had read stay pending for it until they are idle long enough to claim
    // (10 s): the stream is empty only once they have been claimed, recorded (or found recorded) and deleted.
    const settledAt = Date.now();
    const { audit, streamLeft } = await settle(
      async () => ({ audit: await auditPoll(backing.db, backing.redis, poll.id, load), streamLeft: await backing.redis.xlen(pollKeys(poll.id).ballots) }),
      ({ audit: a, streamLeft: left }) => a.inPostgres === a.redisTally?.total && left === 0,
    );
    printFigures(`crash (SIGKILL + restart, ack after ${voteAck})`, audit, load, {
      acceptedAtKill,
      redisAtKill,
      postgresAtKill,
      streamAtKill,
      notInPostgresAtKill: redisAtKill - postgresAtKill,
      recoveredInMs: Date.now() - settledAt,
    });

    expect(audit.accepted).toBeGreaterThanOrEqual(700);
    expectExactAudit(audit);
    expect(streamLeft).toBe(0);
  });
});
