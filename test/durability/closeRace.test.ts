import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import type { Browser } from "../support/browser";
import { createOpenPoll, runConcurrently, signUpOwner } from "../support/fixtures";
import { TEST_SESSION_SECRET } from "../support/serverProcess";
import { type EngineName, startTestApp, type TestApp } from "../support/testApp";

const ROUNDS = 20;
const VOTES = 500;
const IN_FLIGHT = 64;
/** The close is sent once this many votes were answered: well inside the race, whatever the machine's speed. */
const CLOSE_AFTER = 120;

type Answer = { voterId: string; sentAt: number; status: string };

/**
 * A close is atomic with voting: no ballot counts at or after the moment the close is answered, and the close's
 * tally is final (docs/adr/0018-close-atomic-with-voting.md). Each round races 500 votes, spread over two server
 * instances (two engines, two group commits: as two processes), against a close sent through one of them.
 */
for (const engine of ["redis", "postgres"] as const satisfies readonly EngineName[]) {
  describe(`${engine} engine: 500 votes racing a close`, () => {
    let apps: TestApp[] = [];
    let owner: Browser;
    beforeAll(async () => {
      apps = [await startTestApp(engine), await startTestApp(engine)];
      owner = apps[0].browser();
      await signUpOwner(owner);
    });
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.stop()));
    });

    it(`${ROUNDS} rounds: 0 ballots after the close, the close's tally final`, async () => {
      const figures = { accepted: 0, refused: 0, other: 0, afterClosedAt: 0, committedAfterClose: 0, acceptedSentAfterClose: 0, notAnsweredAccepted: 0, acceptedMissing: 0 };
      const started = Date.now();
      for (let round = 0; round < ROUNDS; round++) {
        const validUntil = new Date(Date.now() + 86_400_000);
        const poll = await createOpenPoll(owner, { promotion: { title: "Tea", discount: "Free", quantity: 100, validUntil } });
        const prefix = randomBytes(6).toString("base64url");
        const answers: Answer[] = [];
        let closeAnsweredAt = Infinity;
        let atClose: { ballots: number; total: number } | undefined;
        const close = (async () => {
          while (answers.length < CLOSE_AFTER) await new Promise((r) => setTimeout(r, 1));
          await owner.api.poll.close.mutate({ pollId: poll.id });
          closeAnsweredAt = performance.now();
          const [ballots, results] = await Promise.all([
            apps[0].services.db.ballot.count({ where: { pollId: poll.id } }),
            owner.api.poll.results.query({ pollId: poll.id }),
          ]);
          atClose = { ballots, total: results?.total ?? -1 };
        })();
        await runConcurrently(Array.from({ length: VOTES }, (_, i) => i), IN_FLIGHT, async (i) => {
          const voterId = `${prefix}-${i}`;
          const sentAt = performance.now();
          const status = await castAs(apps[i % 2].url, poll.id, voterId, poll.options[i % poll.options.length].id);
          answers.push({ voterId, sentAt, status });
        });
        await close;

        const closed = await apps[0].services.db.poll.findUniqueOrThrow({ where: { id: poll.id }, select: { closedAt: true } });
        const ballots = await apps[0].services.db.ballot.findMany({ where: { pollId: poll.id }, select: { voterId: true, castAt: true } });
        const finalResults = await owner.api.poll.results.query({ pollId: poll.id });
        const accepted = new Set(answers.filter((a) => a.status === "accepted").map((a) => a.voterId));
        const inPostgres = new Set(ballots.map((b) => b.voterId));
        const round_ = {
          accepted: accepted.size,
          refused: answers.filter((a) => a.status === "not_accepting").length,
          other: answers.filter((a) => a.status !== "accepted" && a.status !== "not_accepting").length,
          afterClosedAt: ballots.filter((b) => b.castAt >= closed.closedAt!).length,
          committedAfterClose: ballots.length - atClose!.ballots + Math.abs((finalResults?.total ?? -1) - atClose!.total),
          acceptedSentAfterClose: answers.filter((a) => a.status === "accepted" && a.sentAt > closeAnsweredAt).length,
          notAnsweredAccepted: [...inPostgres].filter((v) => !accepted.has(v)).length,
          acceptedMissing: [...accepted].filter((v) => !inPostgres.has(v)).length,
        };
        for (const key of Object.keys(figures) as (keyof typeof figures)[]) figures[key] += round_[key];
        expect(round_, `round ${round + 1}`).toMatchObject({
          other: 0,
          afterClosedAt: 0,
          committedAfterClose: 0,
          acceptedSentAfterClose: 0,
          notAnsweredAccepted: 0,
          acceptedMissing: 0,
        });
        expect(finalResults?.total).toBe(ballots.length);
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `close race (${engine}): ${ROUNDS} rounds × ${VOTES} votes, close after ${CLOSE_AFTER} answers; accepted ${figures.accepted}, ` +
          `refused ${figures.refused}, other answers ${figures.other}; ballots at/after closedAt ${figures.afterClosedAt}, ` +
          `committed after the close's answer ${figures.committedAfterClose}, accepted though sent after the close's answer ` +
          `${figures.acceptedSentAfterClose}, in Postgres but not answered accepted ${figures.notAnsweredAccepted}, ` +
          `accepted but missing ${figures.acceptedMissing}; ${Math.round((ROUNDS * VOTES) / seconds)} votes answered/s`,
      );
      expect(figures.accepted).toBeGreaterThan(ROUNDS * CLOSE_AFTER * 0.9); // the race had votes on both sides
      expect(figures.refused).toBeGreaterThan(0);
    });
  });
}

/** One vote as a known voter (a signed voter cookie, as the server issues it); returns its status or error code. */
async function castAs(url: string, pollId: string, voterId: string, optionId: string): Promise<string> {
  const response = await fetch(`${url}/api/trpc/vote.cast`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `${VOTER_COOKIE}=${signVoterId(voterId, TEST_SESSION_SECRET)}` },
    body: JSON.stringify({ pollId, optionIds: [optionId] }),
  });
  const body = (await response.json()) as { result?: { data: { status: string } }; error?: { data?: { code?: string } } };
  if (body.result) return body.result.data.status;
  return body.error?.data?.code === "PRECONDITION_FAILED" ? "not_accepting" : `error ${body.error?.data?.code ?? response.status}`;
}
