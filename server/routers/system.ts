import { publicProcedure, router } from "../trpc/init";

export const systemRouter = router({
  /** What pages tell their users about the service itself: whether the database answers (docs/adr/0016). */
  status: publicProcedure.query(async ({ ctx }) => ({ database: await ctx.services.databaseStatus.read() })),
});
