import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { pollIdInput } from "@/lib/schemas";
import { DomainError } from "../domain/errors";
import { findSessionOwner, SESSION_COOKIE } from "../domain/owners/sessions";
import { assertOwnsPoll } from "../domain/polls/data";
import { issueVoterId, readVoterCookie, signVoterId, VOTER_COOKIE } from "../domain/voters/voterCookie";
import { EngineUnavailableError } from "../engine/types";
import { isPostgresOutage } from "../infra/db/postgresOutage";
import type { LimitName } from "../limits/rules";
import type { Context } from "./context";
import { setCookie } from "./cookies";
import { errorIdOf, isUnexpected, UNEXPECTED_MESSAGE } from "./unexpectedErrors";

/*
 * 1. Initialisation. Errors carry zod's field messages and, for rate limits, the time to wait, so a page can say
 *    exactly what was wrong. An unexpected failure says nothing of its insides: a generic message and the id it
 *    is logged under (createServer.ts logs it with its stack).
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const unexpected = isUnexpected(error);
    return {
      ...shape,
      message: unexpected ? UNEXPECTED_MESSAGE : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        errorId: unexpected ? errorIdOf(error) : undefined,
        fields: cause instanceof z.ZodError ? z.flattenError(cause).fieldErrors : undefined,
        retryAfterSeconds: cause instanceof DomainError ? (cause.details?.retryAfterSeconds as number | undefined) : undefined,
        retryAfterMs: cause instanceof DomainError ? (cause.details?.retryAfterMs as number | undefined) : undefined,
        details: cause instanceof DomainError ? cause.details : undefined,
      },
    };
  },
});

export const router = t.router;

/*
 * 2. Domain errors become tRPC errors with the matching code: the domain speaks the product's language and knows
 *    nothing of HTTP. An engine that cannot take a vote now (the process is stopping, or neither store answers)
 *    and a database that is away answer SERVICE_UNAVAILABLE with the time to wait (`retryAfterMs`), which pages
 *    read as a connection hiccup and retry.
 */
const DATABASE_AWAY_RETRY_MS = 2_000;

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.kind, message: cause.message, cause });
  if (cause instanceof EngineUnavailableError) throw unavailable(cause.message, cause.retryAfterMs);
  if (isPostgresOutage(cause)) throw unavailable("the database is away for a moment: try again shortly", DATABASE_AWAY_RETRY_MS);
  return result;
});

function unavailable(message: string, retryAfterMs: number): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message, cause: new DomainError("SERVICE_UNAVAILABLE", message, { retryAfterMs }) });
}

export const publicProcedure = t.procedure.use(domainErrors);

/* 3. An owner procedure runs only for a signed-in owner: authorisation is visible at each procedure's definition. */
export const ownerProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const owner = await findSessionOwner(ctx.services.db, ctx.cookies[SESSION_COOKIE]);
  if (!owner) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { owner } });
});

/*
 * 3b. An owner-poll procedure takes `{ pollId }` and runs only for the owner of that poll: ownership is checked
 *     once, here, not by hand in each resolver. Procedures add their own input fields with `.input(...)`.
 */
export const ownerPollProcedure = ownerProcedure.input(pollIdInput).use(async ({ ctx, input, next }) => {
  await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
  return next();
});

/*
 * 4. Rate limits, as middlewares placed after the input so a limit can be keyed by it (the account signing in,
 *    the poll a new voter joins). A limited request changes nothing and says when to retry.
 */
type LimitedContext = Context & { owner?: { id: string } };

export const rateLimit = (name: LimitName, keyOf: (ctx: LimitedContext, input: unknown) => string) =>
  t.middleware(async ({ ctx, input, next }) => {
    await enforce(ctx, name, keyOf(ctx as LimitedContext, input));
    return next();
  });

async function enforce(ctx: Context, name: LimitName, key: string) {
  const decision = await ctx.services.limiter.consume(`${name}:${key}`, ctx.services.limits[name]);
  if (!decision.allowed) {
    const retryAfterSeconds = Math.ceil(decision.retryAfterMs / 1000);
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `too many requests: try again in ${retryAfterSeconds} s`,
      cause: new DomainError("TOO_MANY_REQUESTS", "rate limited", { retryAfterSeconds }),
    });
  }
}

/*
 * 5. A voter's identity is the signed voter cookie. A first visit is issued one in the same response (at most so
 *    many per address and poll, or clearing cookies would mint votes); a tampered cookie is refused and
 *    replaced, so an honest browser recovers on retry.
 */
export const voterIdentity = t.middleware(async ({ ctx, input, next }) => {
  const reading = readVoterCookie(ctx.cookies[VOTER_COOKIE], ctx.services.sessionSecret);
  if (reading.kind === "valid") return next({ ctx: { voterId: reading.voterId } });
  if (!ctx.res) throw new TRPCError({ code: "UNAUTHORIZED", message: "open the poll page to get a voter identity" });
  await enforce(ctx, "newVotersPerIpPerPoll", `${ctx.ip}:${(input as { pollId?: string }).pollId ?? ""}`);
  const voterId = issueVoterId();
  setCookie(ctx.req, ctx.res, VOTER_COOKIE, signVoterId(voterId, ctx.services.sessionSecret), { maxAge: 400 * 24 * 3600 });
  if (reading.kind === "invalid") throw new TRPCError({ code: "UNAUTHORIZED", message: "the voter cookie was not valid; try again" });
  return next({ ctx: { voterId } });
});
