import { signInInput, signUpInput } from "@/lib/schemas";
import { listRestaurants, signIn, signUp } from "../domain/owners/accounts";
import { endSession, SESSION_COOKIE, SESSION_DAYS, startSession } from "../domain/owners/sessions";
import { setCookie } from "../trpc/cookies";
import type { Context } from "../trpc/context";
import { ownerProcedure, publicProcedure, rateLimit, router } from "../trpc/init";

async function startSessionCookie(ctx: Context, ownerId: string) {
  const token = await startSession(ctx.services.db, ownerId);
  if (ctx.res) setCookie(ctx.req, ctx.res, SESSION_COOKIE, token, { maxAge: SESSION_DAYS * 24 * 3600 });
}

export const authRouter = router({
  signUp: publicProcedure
    .input(signUpInput)
    .use(rateLimit("signUpsPerIp", (ctx) => ctx.ip))
    .mutation(async ({ ctx, input }) => {
    const owner = await signUp(ctx.services.db, input);
    await startSessionCookie(ctx, owner.id);
    return owner;
  }),

  signIn: publicProcedure
    .input(signInInput)
    .use(rateLimit("signInsPerIp", (ctx) => ctx.ip))
    .use(rateLimit("signInsPerAccount", (_ctx, input) => (input as { email: string }).email))
    .mutation(async ({ ctx, input }) => {
    const owner = await signIn(ctx.services.db, input);
    await startSessionCookie(ctx, owner.id);
    return owner;
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await endSession(ctx.services.db, ctx.cookies[SESSION_COOKIE]);
    if (ctx.res) setCookie(ctx.req, ctx.res, SESSION_COOKIE, "", { maxAge: 0 });
    return { signedOut: true };
  }),

  me: ownerProcedure.query(async ({ ctx }) => ({ ...ctx.owner, restaurants: await listRestaurants(ctx.services.db, ctx.owner.id) })),
});
