import "server-only";
import { router } from "../trpc/init";
import { accountRouter } from "./account";
import { answerRouter } from "./answer";
import { authRouter } from "./auth";
import { counterRouter } from "./counter";
import { funnelRouter } from "./funnel";
import { menuRouter } from "./menu";
import { pollRouter } from "./poll";
import { presenceRouter } from "./presence";
import { promotionRouter } from "./promotion";
import { screenRouter } from "./screen";
import { specialsRouter } from "./specials";
import { staffRouter } from "./staff";
import { systemRouter } from "./system";
import { voteRouter } from "./vote";

/** Every procedure, one router per domain. Pages import only the `AppRouter` type (a dependency rule). */
export const appRouter = router({
  account: accountRouter,
  answer: answerRouter,
  auth: authRouter,
  counter: counterRouter,
  funnel: funnelRouter,
  menu: menuRouter,
  promotion: promotionRouter,
  specials: specialsRouter,
  staff: staffRouter,
  poll: pollRouter,
  presence: presenceRouter,
  screen: screenRouter,
  system: systemRouter,
  vote: voteRouter,
});

export type AppRouter = typeof appRouter;
