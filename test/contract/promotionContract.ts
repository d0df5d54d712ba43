import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import { currentRoomCode } from "../../server/domain/presence/roomCode";
import type { Db } from "../../server/infra/db/prisma";
import type { Browser } from "../support/browser";
import { createOpenPoll, roomCodeReader, runConcurrently, signUpOwner } from "../support/fixtures";
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

/** How a refused vote was refused: its tRPC code and what it says of the proof of presence. */
async function refusalOf(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(error, "the vote should have been refused").toBeInstanceOf(TRPCClientError);
  const data = (error as TRPCClientError<never>).data as unknown as { code: string; details?: { presence?: string } };
  return { code: data.code, presence: data.details?.presence, message: (error as Error).message };
}

/**
 * First-come coupons: the seed's hard rule, exactly N and one per person, on each engine; on a poll that requires
 * proof of presence (docs/adr/0026), only with the screen's room code, and a refused vote takes no coupon.
 */
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
      const promotion = { title: "Next week's special", discount: "50% off", quantity: N, validUntil: inAWeek() };
      const poll = await createOpenPoll(owner, { promotion, presenceRequired: true });
      const roomCode = roomCodeReader(owner, poll.id);
      const diners = Array.from({ length: 3_000 }, () => app.browser());
      const first = await runConcurrently(diners, 500, async (diner, i) =>
        diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[i % 5].id], roomCode: await roomCode() }),
      );
      const repeats = await runConcurrently(diners.slice(0, 1_000), 500, async (diner) =>
        diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id], roomCode: await roomCode() }),
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

    it("refuses a vote without the room code, with an expired one or another poll's, and takes no coupon for it", async () => {
      const promotion = { title: "Free tea", discount: "1 cup", quantity: 2, validUntil: inAWeek() };
      const poll = await createOpenPoll(owner, { promotion, presenceRequired: true });
      const otherPoll = await createOpenPoll(owner, { promotion, presenceRequired: true });
      const secret = app.services.sessionSecret;
      const current = currentRoomCode(secret, poll.id, new Date()).code;
      const expired = currentRoomCode(secret, poll.id, new Date(Date.now() - 120_000)).code;
      const ofOtherPoll = (await owner.api.presence.roomCode.query({ pollId: otherPoll.id })).code;
      expect(expired).not.toBe(current);
      expect(ofOtherPoll).not.toBe(current);

      const diner = app.browser();
      const vote = (roomCode?: string) => diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id], roomCode });
      const missing = await refusalOf(vote());
      expect(missing).toMatchObject({ code: "FORBIDDEN", presence: "missing" });
      expect(missing.message).toMatch(/room code shown on the restaurant's screen/);
      for (const code of [expired, ofOtherPoll, "12345", "abcdef"]) {
        expect(await refusalOf(vote(code))).toMatchObject({ code: "FORBIDDEN", presence: "invalid" });
      }
      expect(await owner.api.promotion.status.query({ pollId: poll.id })).toMatchObject({ quantity: 2, issued: 0, remaining: 2 });
      expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(0);

      // The same diner, with the code the screen shows now: counted, and the first coupon is theirs.
      const accepted = await vote(current);
      expect(accepted).toMatchObject({ status: "accepted", coupon: { title: "Free tea" } });
      await waitForCouponRows(app.services.db, poll.id, 1);
      expect(await owner.api.promotion.status.query({ pollId: poll.id })).toMatchObject({ issued: 1, remaining: 1 });
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
