import { tracked } from "@trpc/server";
import { z } from "zod";
import { archivePollInput, createPollInput, idSchema, pollIdInput, pollRefInput, reschedulePollInput, updatePollInput } from "@/lib/schemas";
import { SESSION_COOKIE } from "../domain/owners/sessions";
import { printableBallotCodes } from "../domain/polls/ballotCodes";
import { readPublicPoll } from "../domain/polls/data";
import { findPollByJoinCode } from "../domain/polls/joinCode";
import { exportBallotsCsv } from "../domain/polls/exportBallots";
import { readTallyHistory } from "../domain/polls/history";
import { duplicatePoll, readDraft, updateDraft } from "../domain/polls/drafts";
import { closePoll, deleteDraft, extendPoll, openPoll, reopenPoll, setArchived } from "../domain/polls/lifecycle";
import { createPoll, listOwnerPolls } from "../domain/polls/mutations";
import { canSeeResults, identifyViewer, readVisibleResults, type Visitor } from "../domain/polls/visibility";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import type { Context } from "../trpc/context";
import { offeringDirectDelivery } from "../live/directDelivery";
import type { LiveUpdate } from "../live/messages";
import { liveErrors, ownerPollProcedure, ownerProcedure, publicProcedure, rateLimit, router, subscriptionProcedure } from "../trpc/init";

/** The owner's session and the voter's verified id, as this request's cookies carry them. */
function visitorOf(ctx: Context): Visitor {
  const voter = readVoterCookie(ctx.cookies[VOTER_COOKIE], ctx.services.sessionSecret, ctx.services.voterCookieMaxAgeMs);
  return { sessionToken: ctx.cookies[SESSION_COOKIE], voterId: voter.kind === "valid" ? voter.voterId : null };
}

/** A live update's event id: a client that reconnects with it is sent the current state at once. */
function eventIdOf(update: LiveUpdate): string {
  return `${update.results?.seq ?? 0}:${update.status}`;
}

/** Anybody in the room: neither the owner nor someone who voted. */
const ROOM = { isOwner: false, hasVoted: false };

const lifecycle = (ctx: Context) => ({ db: ctx.services.db, engine: ctx.services.engine, live: ctx.services.live.announcer });

export const pollRouter = router({
  create: ownerProcedure
    .input(createPollInput)
    .use(rateLimit("pollsPerOwner", (ctx) => ctx.owner!.id))
    .mutation(({ ctx, input }) => createPoll(ctx.services.db, ctx.owner.id, input)),
  open: ownerPollProcedure.mutation(({ ctx, input }) => openPoll(lifecycle(ctx), input.pollId)),
  close: ownerPollProcedure.mutation(({ ctx, input }) => closePoll(lifecycle(ctx), input.pollId)),

  /** A closed poll takes votes again until `closesAt`; who voted stays voted, coupon stock goes on (ADR 0013). */
  reopen: ownerPollProcedure
    .input(reschedulePollInput)
    .mutation(({ ctx, input }) => reopenPoll(lifecycle(ctx), input.pollId, input.closesAt, input.couponsValidUntil)),

  /** An open poll's closing time moves (later, earlier, or none). */
  extend: ownerPollProcedure
    .input(reschedulePollInput)
    .mutation(({ ctx, input }) => extendPoll(lifecycle(ctx), input.pollId, input.closesAt, input.couponsValidUntil)),

  /** The dashboard's list, or with `archived` the archive. */
  mine: ownerProcedure
    .input(z.object({ archived: z.boolean().default(false) }).optional())
    .query(({ ctx, input }) => listOwnerPolls(ctx.services.db, ctx.owner.id, input?.archived)),

  /** What only the owner sees of a poll's state: whether it is archived. */
  ownerState: ownerPollProcedure.query(async ({ ctx, input }) => {
    const { archivedAt } = await ctx.services.db.poll.findUniqueOrThrow({ where: { id: input.pollId }, select: { archivedAt: true } });
    return { archived: archivedAt !== null };
  }),

  /** A draft as its edit form shows it. */
  draft: ownerPollProcedure.query(({ ctx, input }) => readDraft(ctx.services.db, input.pollId)),

  update: ownerPollProcedure.input(updatePollInput).mutation(({ ctx, input }) => updateDraft(ctx.services.db, input)),

  /** A copy of any poll, as a new draft. */
  duplicate: ownerPollProcedure
    .use(rateLimit("pollsPerOwner", (ctx) => ctx.owner!.id))
    .mutation(({ ctx, input }) => duplicatePoll(ctx.services.db, input.pollId)),

  delete: ownerPollProcedure.mutation(({ ctx, input }) => deleteDraft(lifecycle(ctx), input.pollId)),

  archive: ownerPollProcedure.input(archivePollInput).mutation(({ ctx, input }) => setArchived(ctx.services.db, input.pollId, input.archived)),

  /** Votes over time, from the tally snapshots taken while the poll is open. */
  history: ownerPollProcedure.query(({ ctx, input }) => readTallyHistory(ctx.services.db, input.pollId)),

  exportBallots: ownerPollProcedure.query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return { filename: `tableside-${poll.slug}-ballots.csv`, csv: await exportBallotsCsv(ctx.services.db, input.pollId, ctx.services.sessionSecret) };
  }),

  /** The printable ballot codes of a strict one-person-one-vote poll, each with the link its QR code opens. */
  ballotCodes: ownerPollProcedure.query(async ({ ctx, input }) =>
    printableBallotCodes(ctx.services.sessionSecret, await ctx.services.polls.get(input)),
  ),

  /**
   * The link diners open; the QR code encodes it. On PUBLIC_URL, else on this machine's LAN address; null when
   * there is neither (the page then uses its own origin, and the owner's page warns when phones cannot open it).
   */
  shareUrl: publicProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    const base = ctx.services.publicUrl ?? ctx.services.lanUrl;
    return base ? new URL(`/p/${poll.slug}`, base).toString() : null;
  }),

  /** The poll a join code typed at /join names (leniently read: spaces, dashes, case, O/I/L). */
  byJoinCode: publicProcedure
    .input(z.object({ code: z.string().max(20) }))
    .query(({ ctx, input }) => findPollByJoinCode(ctx.services.db, input.code)),

  get: publicProcedure.input(pollRefInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return readPublicPoll(ctx.services.db, poll, new Date());
  }),

  /** The tally, for whoever the poll's results visibility admits; `null` for everyone else. */
  results: publicProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return readVisibleResults(ctx.services.db, ctx.services.results, poll, visitorOf(ctx));
  }),

  /**
   * Live status and tally of a poll, at most ~10 updates a second. Each event's id is the tally's seq, so a client
   * that reconnects with its last event id is sent the current state at once (every subscription starts with it).
   * `audience: "room"` (the live screen): what the poll's visibility shows the room, whoever's browser opened it.
   */
  onResults: subscriptionProcedure
    .input(z.object({ pollId: idSchema, lastEventId: z.string().max(64).nullish(), audience: z.enum(["visitor", "room"]).default("visitor") }))
    .subscription(async function* ({ ctx, input, signal }) {
      const slot = ctx.subscriptions.take();
      try {
        const poll = await liveErrors(ctx.services.polls.get({ pollId: input.pollId }));
        const viewer = input.audience === "room" ? ROOM : await identifyViewer(ctx.services.db, ctx.services.results, poll, visitorOf(ctx));
        // An argument, not a named const: a named closure costs a watching phone more (http/liveSocket.ts).
        const updates = await ctx.services.live.hub.watch(poll, (status) => canSeeResults(poll.resultsVisibility, { ...viewer, isClosed: status === "closed" }), signal);
        let offered = false;
        for await (const update of updates) {
          // The first update goes through tRPC with the offer to write the later ones straight to the socket.
          yield tracked(eventIdOf(update), offered ? update : offeringDirectDelivery(update, updates, eventIdOf));
          offered = true;
        }
      } finally {
        slot.release();
      }
    }),
});
