import { randomBytes } from "node:crypto";
import { LOCALE_COOKIE, isLocale, negotiateLocale } from "@/lib/i18n";
import { requestPasswordResetInput, resetPasswordInput, signInInput, signUpInput } from "@/lib/schemas";
import { listRestaurants, lookalikeOwner, signIn, signUp } from "../domain/owners/accounts";
import { requestPasswordReset, resetPassword } from "../domain/owners/passwordReset";
import { endSession, SESSION_COOKIE, SESSION_DAYS, startSession } from "../domain/owners/sessions";
import { setCookie } from "../trpc/cookies";
import type { Context } from "../trpc/context";
import { ownerProcedure, publicProcedure, rateLimit, router } from "../trpc/init";

async function startSessionCookie(ctx: Context, ownerId: string) {
  const token = await startSession(ctx.services.db, ownerId);
  setCookie(ctx, SESSION_COOKIE, token, { maxAge: SESSION_DAYS * 24 * 3600 });
}

/** The language of the person asking, for an e-mail sent on their behalf: the page's switch, else the browser's. */
function requestLocale(ctx: Context) {
  const picked = ctx.cookies[LOCALE_COOKIE];
  return isLocale(picked) ? picked : negotiateLocale(ctx.req.headers["accept-language"]);
}

export const authRouter = router({
  signUp: publicProcedure
    .input(signUpInput)
    .use(rateLimit("signUpsPerIp", (ctx) => ctx.ip))
    .mutation(async ({ ctx, input }) => {
      const owner = await signUp(ctx.services.db, input);
      if (owner) {
        await startSessionCookie(ctx, owner.id);
        return owner;
      }
      // The address has an account: the same answer as for a new one, down to a session cookie (which opens
      // nothing), so sign-up tells nobody which addresses have signed up (ADR 0020).
      setCookie(ctx, SESSION_COOKIE, randomBytes(32).toString("base64url"), { maxAge: SESSION_DAYS * 24 * 3600 });
      return lookalikeOwner(input);
    }),

  signIn: publicProcedure
    .input(signInInput)
    .use(rateLimit("signInsPerIp", (ctx) => ctx.ip))
    .use(rateLimit("signInsPerIpPerAccount", (ctx, input) => `${ctx.ip}:${(input as { email: string }).email}`))
    .mutation(async ({ ctx, input }) => {
      const delays = ctx.services.signInDelays;
      const wait = delays.delayMs(input.email);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const owner = await signIn(ctx.services.db, input).catch((error: unknown) => {
        delays.failed(input.email);
        throw error;
      });
      delays.succeeded(input.email);
      await startSessionCookie(ctx, owner.id);
      return owner;
    }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await endSession(ctx.services.db, ctx.cookies[SESSION_COOKIE]);
    setCookie(ctx, SESSION_COOKIE, "", { maxAge: 0 });
    return { signedOut: true };
  }),

  /** Whether "forgot your password?" can send an e-mail here, or needs the operator's command. */
  passwordResetByEmail: publicProcedure.query(({ ctx }) => ctx.services.mailer !== null),

  /** Always the same answer, whether or not the address has an account (nobody learns who signed up). */
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .use(rateLimit("passwordResetsPerIp", (ctx) => ctx.ip))
    .use(rateLimit("passwordResetsPerAccount", (_ctx, input) => (input as { email: string }).email))
    .mutation(async ({ ctx, input }) => {
      const { db, mailer, publicUrl, log } = ctx.services;
      if (mailer && publicUrl) {
        const onError = (error: unknown) => log.error("password reset e-mail failed", { err: error });
        // After the answer: neither what is said nor how long it takes depends on whether the address has an account.
        void requestPasswordReset(db, { mailer, baseUrl: publicUrl, locale: requestLocale(ctx) }, input.email).catch(onError);
      }
      return { requested: true };
    }),

  /** Sets a new password with a link's token; signs every session out, and the owner signs in again. */
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .use(rateLimit("passwordResetsPerIp", (ctx) => ctx.ip))
    .mutation(({ ctx, input }) => resetPassword(ctx.services.db, input.token, input.password)),

  me: ownerProcedure.query(async ({ ctx }) => ({ ...ctx.owner, restaurants: await listRestaurants(ctx.services.db, ctx.owner.id) })),
});
