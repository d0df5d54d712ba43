import { publicProcedure, router } from "../trpc/init";

export const systemRouter = router({
  /** What pages tell their users about the service itself: whether the database answers (docs/adr/0016). */
  status: publicProcedure.query(async ({ ctx }) => ({ database: await ctx.services.databaseStatus.read() })),
  /** The pages' build this server serves: a restaurant TV rendered by it reloads when a later server has another. */
  build: publicProcedure.query(({ ctx }) => ctx.services.buildId),
});
