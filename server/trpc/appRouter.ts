import { accountRouter } from "../routers/account";
import { authRouter } from "../routers/auth";
import { menuRouter } from "../routers/menu";
import { promotionRouter } from "../routers/promotion";
import { pollRouter } from "../routers/poll";
import { voteRouter } from "../routers/vote";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  account: accountRouter,
  auth: authRouter,
  menu: menuRouter,
  promotion: promotionRouter,
  poll: pollRouter,
  vote: voteRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
