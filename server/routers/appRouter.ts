import "server-only";
import { router } from "../trpc/init";
import { accountRouter } from "./account";
import { authRouter } from "./auth";
import { menuRouter } from "./menu";
import { pollRouter } from "./poll";
import { presenceRouter } from "./presence";
import { promotionRouter } from "./promotion";
import { systemRouter } from "./system";
import { voteRouter } from "./vote";

/** Every procedure, one router per domain. Pages import only the `AppRouter` type (a dependency rule). */
export const appRouter = router({
  account: accountRouter,
  auth: authRouter,
  menu: menuRouter,
  promotion: promotionRouter,
  poll: pollRouter,
  presence: presenceRouter,
  system: systemRouter,
  vote: voteRouter,
});

export type AppRouter = typeof appRouter;
