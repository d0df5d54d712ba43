import { castVoteInput } from "@/lib/schemas";
import { castVote } from "../domain/votes/castVote";
import { router, voterProcedure } from "../trpc/init";

export const voteRouter = router({
  cast: voterProcedure.input(castVoteInput).mutation(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get({ pollId: input.pollId });
    return castVote(ctx.services.engine, ctx.services.live.announcer, poll, ctx.voterId, input.optionIds);
  }),
});
