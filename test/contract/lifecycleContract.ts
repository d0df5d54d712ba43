import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../support/browser";
import { errorCodeOf } from "../support/errors";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { type EngineName, useTestApp } from "../support/testApp";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What closing, reopening and extending a poll mean to the vote engine, tried through the real API: the engine's
 * own copy of the schedule (Redis meta, or the Poll row) follows each change before the owner is answered.
 * Run once per engine (redisEngine.lifecycle.test.ts, postgresEngine.lifecycle.test.ts).
 */
export function lifecycleContract(engine: EngineName) {
  describe(`${engine} engine: close, reopen, extend`, () => {
    const app = useTestApp(engine);
    let owner: Browser;
    beforeAll(async () => {
      owner = app.browser();
      await signUpOwner(owner);
    });
    const vote = (diner: Browser, poll: { id: string; options: { id: string }[] }, option = 0) =>
      diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[option].id] });

    it("a reopened poll takes new votes; who voted before stays voted, with the coupon they won", async () => {
      const validUntil = new Date(Date.now() + 86_400_000);
      const poll = await createOpenPoll(owner, { promotion: { title: "Free tea", discount: "100%", quantity: 2, validUntil } });
      const early = app.browser();
      const won = await vote(early, poll);
      expect(won).toMatchObject({ status: "accepted", coupon: { code: expect.any(String) } });

      await owner.api.poll.close.mutate({ pollId: poll.id });
      const late = app.browser();
      expect(await errorCodeOf(vote(late, poll))).toBe("PRECONDITION_FAILED");
      expect(await errorCodeOf(owner.api.poll.extend.mutate({ pollId: poll.id, closesAt: null }))).toBe("PRECONDITION_FAILED");

      await owner.api.poll.reopen.mutate({ pollId: poll.id, closesAt: null });
      expect(await vote(late, poll, 1)).toMatchObject({ status: "accepted", coupon: { code: expect.any(String) } });
      // The stock went on from one left: the third voter wins nothing, the first still holds their own coupon.
      expect(await vote(app.browser(), poll)).toMatchObject({ status: "accepted", coupon: null });
      expect(await vote(early, poll, 1)).toMatchObject({ status: "already_voted", coupon: { code: won.coupon!.code } });
      expect(await owner.api.poll.results.query({ pollId: poll.id })).toMatchObject({ total: 3 });
      expect(await owner.api.promotion.stock.query({ pollId: poll.id })).toMatchObject({ quantity: 2 });
    });

    it("a poll closed by its schedule refuses votes until it is reopened with a later closing time", async () => {
      const poll = await createOpenPoll(owner, { closesAt: new Date(Date.now() + 1_500) });
      const before = app.browser();
      expect(await vote(before, poll)).toMatchObject({ status: "accepted" });
      await sleep(1_700);
      expect(await errorCodeOf(vote(app.browser(), poll))).toBe("PRECONDITION_FAILED");
      expect(await owner.api.poll.get.query({ pollId: poll.id })).toMatchObject({ status: "closed" });

      const closesAt = new Date(Date.now() + 60_000);
      expect(await errorCodeOf(owner.api.poll.reopen.mutate({ pollId: poll.id, closesAt: new Date(Date.now() - 1_000) }))).toBe("BAD_REQUEST");
      await owner.api.poll.reopen.mutate({ pollId: poll.id, closesAt });
      expect(await owner.api.poll.get.query({ pollId: poll.id })).toMatchObject({ status: "open", closesAt: closesAt.toISOString() });
      expect(await vote(app.browser(), poll)).toMatchObject({ status: "accepted" });
      expect(await vote(before, poll)).toMatchObject({ status: "already_voted" });
    });

    it("an extended poll takes votes after its old closing time, and stops at the new one", async () => {
      const poll = await createOpenPoll(owner, { closesAt: new Date(Date.now() + 2_000) });
      await owner.api.poll.extend.mutate({ pollId: poll.id, closesAt: new Date(Date.now() + 4_000) });
      await sleep(2_300);
      expect(await vote(app.browser(), poll)).toMatchObject({ status: "accepted" });
      await sleep(2_000);
      expect(await errorCodeOf(vote(app.browser(), poll))).toBe("PRECONDITION_FAILED");
      expect(await owner.api.poll.results.query({ pollId: poll.id })).toMatchObject({ total: 1 });
    });

    it("coupon validity can be extended with a reopen, never shortened", async () => {
      const soon = new Date(Date.now() + 1_500);
      const poll = await createOpenPoll(owner, { promotion: { title: "Tea", discount: "Free", quantity: 5, validUntil: soon } });
      await owner.api.poll.close.mutate({ pollId: poll.id });
      await sleep(1_700);
      const shorter = { pollId: poll.id, closesAt: null, couponsValidUntil: new Date(Date.now() - 60_000) };
      expect(await errorCodeOf(owner.api.poll.reopen.mutate(shorter))).toBe("BAD_REQUEST");
      // Reopened without a new validity: votes count, no coupon is won any more.
      await owner.api.poll.reopen.mutate({ pollId: poll.id, closesAt: null });
      expect(await vote(app.browser(), poll)).toMatchObject({ status: "accepted", coupon: null });
      await owner.api.poll.extend.mutate({ pollId: poll.id, closesAt: null, couponsValidUntil: new Date(Date.now() + 86_400_000) });
      expect(await vote(app.browser(), poll)).toMatchObject({ status: "accepted", coupon: { code: expect.any(String) } });
    });

    it("concurrent close and reopen leave the engine agreeing with the Poll row", async () => {
      const poll = await createOpenPoll(owner);
      for (let round = 0; round < 5; round++) {
        await Promise.allSettled([
          owner.api.poll.close.mutate({ pollId: poll.id }),
          owner.api.poll.reopen.mutate({ pollId: poll.id, closesAt: null }),
          owner.api.poll.close.mutate({ pollId: poll.id }),
        ]);
        const { status } = await owner.api.poll.get.query({ pollId: poll.id });
        const answer = await vote(app.browser(), poll).then((a) => a.status, (e: { data?: { code?: string } }) => e.data?.code);
        expect(answer).toBe(status === "open" ? "accepted" : "PRECONDITION_FAILED");
      }
    });
  });
}
