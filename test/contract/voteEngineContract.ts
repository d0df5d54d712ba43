import { beforeAll, describe, expect, it } from "vitest";
import { issueVoterId, signVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import type { Browser } from "../support/browser";
import { errorCodeOf } from "../support/errors";
import { createOpenPoll, runConcurrently, signUpOwner } from "../support/fixtures";
import { type EngineName, useTestApp } from "../support/testApp";

/**
 * What every vote engine promises, tried through the real tRPC API against real Postgres and Redis.
 * Run once per engine (redisEngine.contract.test.ts, postgresEngine.contract.test.ts).
 */
export function voteEngineContract(engine: EngineName) {
  describe(`${engine} engine contract`, () => {
    const app = useTestApp(engine);
    let owner: Browser;
    beforeAll(async () => {
      owner = app.browser();
      await signUpOwner(owner);
    });

    /** A browser that already holds a voter identity, as after a first visit. */
    const returningDiner = () => {
      const diner = app.browser();
      diner.cookies.set(VOTER_COOKIE, signVoterId(issueVoterId(), app.services.sessionSecret));
      return diner;
    };

    it("counts the seed scenario exactly: 10,000 voters, 200 in flight, 2,000 concurrent repeats", async () => {
      const poll = await createOpenPoll(owner);
      const optionIds = poll.options.map((o) => o.id);
      // 2,000 repeaters hold an identity already, so both of their attempts are in flight together;
      // the other 8,000 arrive with no cookie and are issued one by the vote itself.
      const attempts = Array.from({ length: 10_000 }, (_, i) => {
        const diner = i < 2_000 ? returningDiner() : app.browser();
        const first = { diner, voter: i, optionId: optionIds[i % 5] };
        return i < 2_000 ? [first, { diner, voter: i, optionId: optionIds[(i + 1) % 5] }] : [first];
      }).flat();
      shuffle(attempts);

      const answers = await runConcurrently(attempts, 200, async (a) => ({
        ...a,
        answer: await a.diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [a.optionId] }),
      }));

      const accepted = answers.filter((a) => a.answer.status === "accepted");
      expect(accepted).toHaveLength(10_000);
      expect(new Set(accepted.map((a) => a.voter)).size).toBe(10_000);
      expect(answers.filter((a) => a.answer.status === "already_voted")).toHaveLength(2_000);

      const expected: Record<string, number> = Object.fromEntries(optionIds.map((id) => [id, 0]));
      for (const a of accepted) expected[a.optionId]++;
      const results = await owner.api.poll.results.query({ pollId: poll.id });
      expect(results).toEqual({ counts: expected, total: 10_000, seq: 10_000 });
    });

    it("counts a multiple-choice ballot once per chosen option and once in the total", async () => {
      const poll = await createOpenPoll(owner, { multipleChoice: true, maxChoices: 3 });
      const [a, b, c] = poll.options.map((o) => o.id);
      await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [a, b, c] });
      const second = await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [b] });
      expect(second.results?.counts).toMatchObject({ [a]: 1, [b]: 2, [c]: 1 });
      expect(second.results?.total).toBe(2);
    });

    it("refuses votes on a draft, scheduled or closed poll and counts nothing", async () => {
      const draft = await owner.api.poll.create.mutate({ question: "Draft?", options: [{ label: "A" }, { label: "B" }] });
      expect(await errorCodeOf(app.browser().api.vote.cast.mutate({ pollId: draft.id, optionIds: [draft.options[0].id] }))).toBe(
        "PRECONDITION_FAILED",
      );

      const scheduled = await createOpenPoll(owner, { opensAt: new Date(Date.now() + 3_600_000) });
      const scheduledVote = app.browser().api.vote.cast.mutate({ pollId: scheduled.id, optionIds: [scheduled.options[0].id] });
      expect(await errorCodeOf(scheduledVote)).toBe("PRECONDITION_FAILED");

      const poll = await createOpenPoll(owner);
      const voter = app.browser();
      await voter.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
      await owner.api.poll.close.mutate({ pollId: poll.id });
      expect(await errorCodeOf(app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] }))).toBe(
        "PRECONDITION_FAILED",
      );
      // Someone who voted before the close is told so, not that the poll refused them.
      const again = await voter.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] });
      expect(again.status).toBe("already_voted");

      for (const p of [draft, scheduled, poll]) {
        const results = await owner.api.poll.results.query({ pollId: p.id });
        expect(results?.total).toBe(p === poll ? 1 : 0);
      }
    });

    it("answers every bad vote with its typed error and changes nothing", async () => {
      const poll = await createOpenPoll(owner, { multipleChoice: true, maxChoices: 2 });
      const [a, b, c] = poll.options.map((o) => o.id);
      const diner = returningDiner();
      const cast = (input: unknown) => diner.api.vote.cast.mutate(input as never);
      const before = await owner.api.poll.results.query({ pollId: poll.id });

      const cases: [string, unknown, string][] = [
        ["optionIds of the wrong type", { pollId: poll.id, optionIds: a }, "BAD_REQUEST"],
        ["pollId of the wrong type", { pollId: 42, optionIds: [a] }, "BAD_REQUEST"],
        ["no input at all", undefined, "BAD_REQUEST"],
        ["an empty pollId", { pollId: "", optionIds: [a] }, "BAD_REQUEST"],
        ["an empty choice", { pollId: poll.id, optionIds: [] }, "BAD_REQUEST"],
        ["an empty option id", { pollId: poll.id, optionIds: [""] }, "BAD_REQUEST"],
        ["an oversized pollId", { pollId: "p".repeat(5_000), optionIds: [a] }, "BAD_REQUEST"],
        ["an id with odd characters", { pollId: "'; DROP TABLE \"Ballot\"; --", optionIds: [a] }, "BAD_REQUEST"],
        ["21 option ids", { pollId: poll.id, optionIds: Array.from({ length: 21 }, (_, i) => `o${i}`) }, "BAD_REQUEST"],
        ["more choices than maxChoices", { pollId: poll.id, optionIds: [a, b, c] }, "BAD_REQUEST"],
        ["a repeated option id", { pollId: poll.id, optionIds: [a, a] }, "BAD_REQUEST"],
        ["an option of another poll", { pollId: poll.id, optionIds: ["cnotanoptionofthispoll00"] }, "BAD_REQUEST"],
        ["an unknown poll", { pollId: "cunknownpoll000000000000", optionIds: [a] }, "NOT_FOUND"],
      ];
      for (const [what, input, code] of cases) {
        expect(await errorCodeOf(cast(input)), what).toBe(code);
      }

      for (const cookie of [diner.cookies.get(VOTER_COOKIE)!.replace(/.$/, (ch) => (ch === "A" ? "B" : "A")), "forged.signature", "x"]) {
        const forged = app.browser();
        forged.cookies.set(VOTER_COOKIE, cookie);
        expect(await errorCodeOf(forged.api.vote.cast.mutate({ pollId: poll.id, optionIds: [a] })), `cookie ${cookie}`).toBe("UNAUTHORIZED");
      }

      expect(await owner.api.poll.results.query({ pollId: poll.id })).toEqual(before);
      expect((await cast({ pollId: poll.id, optionIds: [a, b] })).status).toBe("accepted");
    });

    it("counts a vote's rate limit with the vote: over it nothing is counted, and the count is per poll and client", async () => {
      const [poll, other] = [await createOpenPoll(owner), await createOpenPoll(owner)];
      const limit = { key: `client-${Math.random()}`, rule: { limit: 3, windowMs: 3_600_000 } };
      const vote = (p: typeof poll, key = limit.key) =>
        app.services.engine.castVote({
          poll: { id: p.id, optionIds: p.options.map((o) => o.id) },
          voterId: issueVoterId(),
          optionIds: [p.options[0].id],
          couponCode: "NOTACOUPON00",
          now: new Date(),
          limit: { ...limit, key },
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await vote(poll)).status);
      expect(statuses).toEqual(["accepted", "accepted", "accepted", "rate_limited", "rate_limited"]);
      const refused = await vote(poll);
      expect(refused.status === "rate_limited" && refused.retryAfterMs).toBeGreaterThan(0);
      expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(3);
      expect((await vote(other)).status).toBe("accepted");
      expect((await vote(poll, `${limit.key}-another`)).status).toBe("accepted");
    });

    it("hides results from diners until close on an after-close poll, but not from its owner", async () => {
      const poll = await createOpenPoll(owner, { resultsVisibility: "after_close" });
      const diner = app.browser();
      const vote = await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[2].id] });
      expect(vote.status).toBe("accepted");
      expect(vote.results).toBeNull();
      expect(await diner.api.poll.results.query({ pollId: poll.id })).toBeNull();
      expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(1);
      await owner.api.poll.close.mutate({ pollId: poll.id });
      expect((await diner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(1);
    });
  });
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
