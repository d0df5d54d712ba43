import { authRouter } from "../routers/auth";
import { pollRouter } from "../routers/poll";
import { voteRouter } from "../routers/vote";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  auth: authRouter,
  poll: pollRouter,
  vote: voteRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
