import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/infra/db/prisma";
import type { Browser } from "../support/browser";
import { createOpenPoll, runConcurrently, signUpOwner } from "../support/fixtures";
import { type EngineName, useTestApp } from "../support/testApp";

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

/** Waits until Postgres holds `count` coupon rows for the poll (on the Redis engine they come through the ballot ledger or the flusher). */
async function waitForCouponRows(db: Db, pollId: string, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.coupon.count({ where: { pollId } });
    if (rows >= count || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** First-come coupons: the seed's hard rule, exactly N and one per person, on each engine. */
export function promotionContract(engine: EngineName) {
  describe(`${engine} engine: first-come coupons`, () => {
    const app = useTestApp(engine);
    let owner: Browser;
    beforeAll(async () => {
      owner = app.browser();
      await signUpOwner(owner);
    });

    it("issues exactly N coupons to N distinct accepted voters under a flood, never to a repeat", async () => {
      const N = 300;
      const poll = await createOpenPoll(owner, { promotion: { title: "Next week's special", discount: "50% off", quantity: N, validUntil: inAWeek() } });
      const diners = Array.from({ length: 3_000 }, () => app.browser());
      const first = await runConcurrently(diners, 500, (diner, i) =>
        diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[i % 5].id] }),
      );
      const repeats = await runConcurrently(diners.slice(0, 1_000), 500, (diner) =>
        diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] }),
      );

      expect(first.every((a) => a.status === "accepted")).toBe(true);
      const won = first.filter((a) => a.coupon).map((a) => a.coupon!.code);
      expect(won).toHaveLength(N);
      expect(new Set(won).size).toBe(N);
      expect(repeats.every((a) => a.status === "already_voted")).toBe(true);
      // A repeat shows the diner the coupon they already won, and never a new one.
      for (const [i, repeat] of repeats.entries()) expect(repeat.coupon?.code ?? null).toBe(first[i].coupon?.code ?? null);
      expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(3_000);

      expect(await waitForCouponRows(app.services.db, poll.id, N)).toBe(N);
      const rows = await app.services.db.coupon.findMany({ where: { pollId: poll.id }, select: { code: true } });
      expect(new Set(rows.map((r) => r.code))).toEqual(new Set(won));
      const status = await owner.api.promotion.status.query({ pollId: poll.id });
      expect(status).toMatchObject({ quantity: N, issued: N, remaining: 0 });
    });

    it("shows the diner the won coupon with its terms, and again on a later visit", async () => {
      const poll = await createOpenPoll(owner, { promotion: { title: "Free dessert", discount: "1 free hotteok", quantity: 1, validUntil: inAWeek() } });
      const winner = app.browser();
      const vote = await winner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
      expect(vote.coupon).toMatchObject({ title: "Free dessert", discount: "1 free hotteok" });
      const late = await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] });
      expect(late).toMatchObject({ status: "accepted", coupon: null });

      await waitForCouponRows(app.services.db, poll.id, 1);
      expect(await winner.api.promotion.myCoupon.query({ pollId: poll.id })).toMatchObject({ code: vote.coupon!.code, redeemedAt: null });
      expect(await app.browser().api.promotion.myCoupon.query({ pollId: poll.id })).toBeNull();
    });
  });
}
