import { z } from "zod";
import { attachPromotionInput, ballotCodeSchema, couponCodeInput, idSchema, pollIdInput } from "@/lib/schemas";
import { identifyVoter } from "../domain/voters/identifyVoter";
import { readOwnedCoupon, readVotersCoupon } from "../domain/coupons/data";
import { redeemCoupon, undoRedemption } from "../domain/coupons/redeem";
import { listTodaysRedemptions } from "../domain/coupons/redemptions";
import { SESSION_COOKIE, sessionDevice } from "../domain/owners/sessions";
import { readPromotionStatus } from "../domain/promotions/data";
import { CouponStockReader } from "../domain/promotions/stock";
import { attachPromotion } from "../domain/promotions/mutations";
import { tallyHiddenFromRoom } from "../domain/polls/visibility";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import { ownerPollProcedure, ownerProcedure, publicProcedure, rateLimit, router } from "../trpc/init";

// Guessing codes at the counter would be slow anyway (60 random bits); the limit makes it pointless.
const couponChecks = rateLimit("couponChecksPerOwner", (ctx) => ctx.owner!.id);
const couponStock = new CouponStockReader();

export const promotionRouter = router({
  attach: ownerPollProcedure.input(attachPromotionInput).mutation(async ({ ctx, input }) => {
    const { pollId, ...promotion } = input;
    const attached = await attachPromotion(ctx.services.db, pollId, promotion);
    ctx.services.couponTerms.forget(pollId);
    return attached;
  }),

  /** Stock and winners, for the owner's live view. */
  status: ownerPollProcedure.query(({ ctx, input }) => readPromotionStatus(ctx.services.db, input.pollId)),

  /**
   * "N of M coupons left", for the live screen and the diner's page: public, and nothing about the winners. While a
   * poll hides its tally from the room, `left` is null: coupons won count the voters.
   */
  stock: publicProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    const stock = await couponStock.read(ctx.services.db, poll.id);
    if (!stock || !(await tallyHiddenFromRoom(ctx.services.db, poll))) return stock;
    return { ...stock, left: null };
  }),

  /** The coupon this diner won in a poll (by browser, or by ballot code on a strict poll), or null. */
  myCoupon: publicProcedure.input(z.object({ pollId: idSchema, ballotCode: ballotCodeSchema.optional() })).query(async ({ ctx, input }) => {
    const { db, polls, sessionSecret } = ctx.services;
    const poll = await polls.get(input);
    const browser = readVoterCookie(ctx.cookies[VOTER_COOKIE], sessionSecret, ctx.services.voterCookieMaxAgeMs);
    const voterId = identifyVoter(poll, sessionSecret, browser.kind === "valid" ? browser.voterId : null, input.ballotCode);
    return voterId ? readVotersCoupon(db, poll.id, voterId) : null;
  }),

  /** What the counter sees after scanning a code, before redeeming it. */
  lookupCoupon: ownerProcedure.input(couponCodeInput).use(couponChecks).query(({ ctx, input }) => readOwnedCoupon(ctx.services.db, ctx.owner.id, input.code)),

  redeem: ownerProcedure
    .input(couponCodeInput)
    .use(couponChecks)
    .mutation(({ ctx, input }) => redeemCoupon(ctx.services.db, { ownerId: ctx.owner.id, device: sessionDevice(ctx.cookies[SESSION_COOKIE]) }, input.code)),

  /** Takes back a redemption of the last two minutes; the audit trail keeps it, marked undone. */
  undoRedemption: ownerProcedure.input(couponCodeInput).mutation(({ ctx, input }) => undoRedemption(ctx.services.db, ctx.owner.id, input.code)),

  /** Today's redemptions at this owner's counter, on the restaurant's clock. */
  redemptionsToday: ownerProcedure.query(({ ctx }) => listTodaysRedemptions(ctx.services.db, ctx.owner.id)),
});
