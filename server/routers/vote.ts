import { castVoteInput } from "@/lib/schemas";
import { describeWonCoupon } from "../domain/coupons/data";
import { castVote } from "../domain/votes/castVote";
import { publicProcedure, rateLimit, router, voterIdentity } from "../trpc/init";

export const voteRouter = router({
  cast: publicProcedure
    .input(castVoteInput)
    .use(rateLimit("votesPerIp", (ctx) => ctx.ip))
    .use(voterIdentity)
    .mutation(async ({ ctx, input }) => {
      const { db, engine, live, polls } = ctx.services;
      const poll = await polls.get({ pollId: input.pollId });
      const vote = await castVote(engine, live.announcer, poll, ctx.voterId, input.optionIds);
      return { ...vote, coupon: vote.coupon && (await describeWonCoupon(db, poll.id, vote.coupon.code)) };
    }),
});
