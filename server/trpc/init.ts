import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { pollIdInput } from "@/lib/schemas";
import { DomainError } from "../domain/errors";
import { findSessionOwner, SESSION_COOKIE } from "../domain/owners/sessions";
import { assertOwnsPoll, readPollWindow } from "../domain/polls/data";
import { effectiveStatus } from "../domain/polls/definition";
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
  if (!result.ok) {
    const mapped = asTrpcError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

/** The tRPC error a domain, engine or database-outage error stands for; null for anything else (an unexpected failure). */
export function asTrpcError(cause: unknown): TRPCError | null {
  if (cause instanceof DomainError) return new TRPCError({ code: cause.kind, message: cause.message, cause });
  if (cause instanceof EngineUnavailableError) return unavailable(cause.message, cause.retryAfterMs);
  if (isPostgresOutage(cause)) return unavailable("the database is away for a moment: try again shortly", DATABASE_AWAY_RETRY_MS);
  return null;
}

function unavailable(message: string, retryAfterMs: number): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message, cause: new DomainError("SERVICE_UNAVAILABLE", message, { retryAfterMs }) });
}

export const publicProcedure = t.procedure.use(domainErrors);

/*
 * 2b. Live subscriptions run over the WebSocket only (the pages' wsLink), where each connection holds at most so
 *     many (SubscriptionSlots). Over HTTP (server-sent events) they are refused: an unbounded way to hold the
 *     server's memory that no page uses. Errors a subscription throws once streaming are past the middlewares:
 *     `liveErrors` maps them as `domainErrors` does, so a missing poll is NOT_FOUND, not an internal error.
 */
export const subscriptionProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.subscriptions) throw new TRPCError({ code: "METHOD_NOT_SUPPORTED", message: "subscriptions are served over the WebSocket only" });
  return next({ ctx: { subscriptions: ctx.subscriptions } });
});

export async function liveErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asTrpcError(error) ?? error;
  }
}

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
    await enforceLimit(ctx, name, keyOf(ctx as LimitedContext, input));
    return next();
  });

/** Counts one request against a limit on the limiter (its own round trip); over the limit, TOO_MANY_REQUESTS. */
export async function enforceLimit(ctx: Context, name: LimitName, key: string) {
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
 * 5. A voter's identity is the signed voter cookie. A first visit is issued one in the same response, but only
 *    when it names a poll that is taking votes (an identity minted on a made-up poll id would vote on the real
 *    ones), and at most so many per address, per poll and across polls (or clearing cookies would mint votes). A
 *    tampered cookie is refused and replaced, an expired one replaced, so an honest browser recovers on retry.
 */
export const voterIdentity = t.middleware(async ({ ctx, input, next }) => {
  const { services } = ctx;
  const reading = readVoterCookie(ctx.cookies[VOTER_COOKIE], services.sessionSecret, services.voterCookieMaxAgeMs);
  if (reading.kind === "valid") return next({ ctx: { voterId: reading.voterId } });
  if (!ctx.res) throw new TRPCError({ code: "UNAUTHORIZED", message: "open the poll page to get a voter identity" });
  const poll = await services.polls.get({ pollId: (input as { pollId: string }).pollId });
  if (effectiveStatus(await readPollWindow(services.db, poll.id), new Date()) !== "open") {
    throw new DomainError("PRECONDITION_FAILED", "this poll is not taking votes");
  }
  await enforceLimit(ctx, "newVotersPerIpPerPoll", `${ctx.ip}:${poll.id}`);
  await enforceLimit(ctx, "newVotersPerIp", ctx.ip);
  const voterId = issueVoterId();
  setCookie(ctx, VOTER_COOKIE, signVoterId(voterId, services.sessionSecret), { maxAge: Math.floor(services.voterCookieMaxAgeMs / 1000) });
  if (reading.kind === "invalid") throw new TRPCError({ code: "UNAUTHORIZED", message: "the voter cookie was not valid; try again" });
  return next({ ctx: { voterId } });
});
