import { tracked } from "@trpc/server";
import { z } from "zod";
import { createPollInput, idSchema, pollIdInput, pollRefInput } from "@/lib/schemas";
import { SESSION_COOKIE } from "../domain/owners/sessions";
import { printableBallotCodes } from "../domain/polls/ballotCodes";
import { readPublicPoll } from "../domain/polls/data";
import { exportBallotsCsv } from "../domain/polls/exportBallots";
import { readTallyHistory } from "../domain/polls/history";
import { changePollStatus, createPoll, listOwnerPolls } from "../domain/polls/mutations";
import { canSeeResults, identifyViewer, readVisibleResults, type Visitor } from "../domain/polls/visibility";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import type { Context } from "../trpc/context";
import { ownerPollProcedure, ownerProcedure, publicProcedure, rateLimit, router } from "../trpc/init";

/** The owner's session and the voter's verified id, as this request's cookies carry them. */
function visitorOf(ctx: Context): Visitor {
  const voter = readVoterCookie(ctx.cookies[VOTER_COOKIE], ctx.services.sessionSecret);
  return { sessionToken: ctx.cookies[SESSION_COOKIE], voterId: voter.kind === "valid" ? voter.voterId : null };
}

const changeStatus = (to: "open" | "closed") =>
  ownerPollProcedure.mutation(({ ctx, input }) => changePollStatus(ctx.services.db, ctx.services.engine, ctx.services.live.announcer, input.pollId, to));

export const pollRouter = router({
  create: ownerProcedure
    .input(createPollInput)
    .use(rateLimit("pollsPerOwner", (ctx) => ctx.owner!.id))
    .mutation(({ ctx, input }) => createPoll(ctx.services.db, ctx.owner.id, input)),
  open: changeStatus("open"),
  close: changeStatus("closed"),
  mine: ownerProcedure.query(({ ctx }) => listOwnerPolls(ctx.services.db, ctx.owner.id)),

  /** Votes over time, from the tally snapshots taken while the poll is open. */
  history: ownerPollProcedure.query(({ ctx, input }) => readTallyHistory(ctx.services.db, input.pollId)),

  exportBallots: ownerPollProcedure.query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return { filename: `tableside-${poll.slug}-ballots.csv`, csv: await exportBallotsCsv(ctx.services.db, input.pollId) };
  }),

  /** The printable ballot codes of a strict one-person-one-vote poll, each with the link its QR code opens. */
  ballotCodes: ownerPollProcedure.query(async ({ ctx, input }) =>
    printableBallotCodes(ctx.services.sessionSecret, await ctx.services.polls.get(input)),
  ),

  /** The link diners open; the QR code encodes it. Null when PUBLIC_URL is unset: the page uses its own origin. */
  shareUrl: publicProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return ctx.services.publicUrl ? new URL(`/p/${poll.slug}`, ctx.services.publicUrl).toString() : null;
  }),

  get: publicProcedure.input(pollRefInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return readPublicPoll(ctx.services.db, poll, new Date());
  }),

  /** The tally, for whoever the poll's results visibility admits; `null` for everyone else. */
  results: publicProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return readVisibleResults(ctx.services.db, ctx.services.engine, poll, visitorOf(ctx));
  }),

  /**
   * Live status and tally of a poll, at most ~10 updates a second. Each event's id is the tally's seq, so a client
   * that reconnects with its last event id is sent the current state at once (every subscription starts with it).
   */
  onResults: publicProcedure
    .input(z.object({ pollId: idSchema, lastEventId: z.string().max(64).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const poll = await ctx.services.polls.get({ pollId: input.pollId });
      const viewer = await identifyViewer(ctx.services.db, ctx.services.engine, poll, visitorOf(ctx));
      const canSee = (status: string) => canSeeResults(poll.resultsVisibility, { ...viewer, isClosed: status === "closed" });
      for await (const update of await ctx.services.live.hub.watch(poll, canSee, signal)) {
        yield tracked(`${update.results?.seq ?? 0}:${update.status}`, update);
      }
    }),
});
