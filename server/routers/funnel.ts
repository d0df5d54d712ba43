import { pollIdInput } from "@/lib/schemas";
import { countPageOpen } from "../domain/funnel/pageOpens";
import { funnelCsv, readFunnel } from "../domain/funnel/readFunnel";
import { ownerPollProcedure, publicProcedure, rateLimit, router } from "../trpc/init";

/** What a promotion did: page opens, votes, coupons issued and redeemed, per hour of the day. */
export const funnelRouter = router({
  /** The diner page says it was opened (a scan of the QR code, a link followed). Limited like votes, per address. */
  pageOpened: publicProcedure
    .input(pollIdInput)
    .use(rateLimit("votesPerIp", (ctx) => `open:${ctx.ip}`))
    .mutation(async ({ ctx, input }) => {
      const poll = await ctx.services.polls.get(input);
      await countPageOpen(ctx.services.db, poll.id);
      return { counted: true };
    }),

  ofPoll: ownerPollProcedure.query(({ ctx, input }) => readFunnel(ctx.services.db, input.pollId)),

  csv: ownerPollProcedure.query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return { filename: `tableside-${poll.slug}-funnel.csv`, csv: funnelCsv(await readFunnel(ctx.services.db, input.pollId)) };
  }),
});
