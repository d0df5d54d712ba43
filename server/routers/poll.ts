import { tracked } from "@trpc/server";
import { z } from "zod";
import { archivePollInput, createPollInput, idSchema, pollIdInput, pollRefInput, reschedulePollInput, updatePollInput } from "@/lib/schemas";
import { readPollWindow, readPublicPoll } from "../domain/polls/data";
import { effectiveStatus, type PollDefinition } from "../domain/polls/definition";
import { ballotCode } from "../domain/polls/ballotCodes";
import { exportBallotsCsv } from "../domain/polls/exportBallots";
import { readTallyHistory } from "../domain/polls/history";
import { duplicatePoll, readDraft, updateDraft } from "../domain/polls/drafts";
import { closePoll, deleteDraft, extendPoll, openPoll, reopenPoll, setArchived } from "../domain/polls/lifecycle";
import { assertOwnsPoll, createPoll, listOwnerPolls } from "../domain/polls/mutations";
import { canSeeResults } from "../domain/polls/visibility";
import { findSessionOwner, SESSION_COOKIE } from "../domain/owners/sessions";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import type { Context } from "../trpc/context";
import { ownerProcedure, publicProcedure, rateLimit, router } from "../trpc/init";

/** Who is looking, as far as results visibility cares; decided once per request or subscription. */
async function viewerOf(ctx: Context, poll: PollDefinition) {
  const { db, engine, sessionSecret } = ctx.services;
  if (poll.resultsVisibility === "live") return { isOwner: false, hasVoted: false };
  const owner = await findSessionOwner(db, ctx.cookies[SESSION_COOKIE]);
  const voter = readVoterCookie(ctx.cookies[VOTER_COOKIE], sessionSecret);
  return {
    isOwner: owner?.id === poll.ownerId,
    hasVoted: poll.resultsVisibility === "after_vote" && voter.kind === "valid" && (await engine.hasVoted(poll, voter.voterId)),
  };
}

const lifecycle = (ctx: Context) => ({ db: ctx.services.db, engine: ctx.services.engine, live: ctx.services.live.announcer });

export const pollRouter = router({
  create: ownerProcedure
    .input(createPollInput)
    .use(rateLimit("pollsPerOwner", (ctx) => ctx.owner!.id))
    .mutation(({ ctx, input }) => createPoll(ctx.services.db, ctx.owner.id, input)),
  open: ownerProcedure.input(pollIdInput).mutation(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return openPoll(lifecycle(ctx), input.pollId);
  }),

  close: ownerProcedure.input(pollIdInput).mutation(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return closePoll(lifecycle(ctx), input.pollId);
  }),

  /** A closed poll takes votes again until `closesAt`; who voted stays voted, coupon stock goes on (ADR 0012). */
  reopen: ownerProcedure.input(reschedulePollInput).mutation(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return reopenPoll(lifecycle(ctx), input.pollId, input.closesAt, input.couponsValidUntil);
  }),

  /** An open poll's closing time moves (later, earlier, or none). */
  extend: ownerProcedure.input(reschedulePollInput).mutation(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return extendPoll(lifecycle(ctx), input.pollId, input.closesAt, input.couponsValidUntil);
  }),

  /** The dashboard's list, or with `archived` the archive. */
  mine: ownerProcedure
    .input(z.object({ archived: z.boolean().default(false) }).optional())
    .query(({ ctx, input }) => listOwnerPolls(ctx.services.db, ctx.owner.id, input?.archived)),

  /** What only the owner sees of a poll's state: whether it is archived. */
  ownerState: ownerProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    const { archivedAt } = await ctx.services.db.poll.findUniqueOrThrow({ where: { id: input.pollId }, select: { archivedAt: true } });
    return { archived: archivedAt !== null };
  }),

  /** A draft as its edit form shows it. */
  draft: ownerProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return readDraft(ctx.services.db, input.pollId);
  }),

  update: ownerProcedure.input(updatePollInput).mutation(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return updateDraft(ctx.services.db, input);
  }),

  /** A copy of any poll, as a new draft. */
  duplicate: ownerProcedure
    .input(pollIdInput)
    .use(rateLimit("pollsPerOwner", (ctx) => ctx.owner!.id))
    .mutation(async ({ ctx, input }) => {
      await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
      return duplicatePoll(ctx.services.db, input.pollId);
    }),

  delete: ownerProcedure.input(pollIdInput).mutation(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return deleteDraft(lifecycle(ctx), input.pollId);
  }),

  archive: ownerProcedure.input(archivePollInput).mutation(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return setArchived(ctx.services.db, input.pollId, input.archived);
  }),

  /** Votes over time, from the tally snapshots taken while the poll is open. */
  history: ownerProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    return readTallyHistory(ctx.services.db, input.pollId);
  }),

  exportBallots: ownerProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    const poll = await ctx.services.polls.get(input);
    return { filename: `tableside-${poll.slug}-ballots.csv`, csv: await exportBallotsCsv(ctx.services.db, input.pollId) };
  }),

  /** The printable ballot codes of a strict one-person-one-vote poll, each with the link its QR code opens. */
  ballotCodes: ownerProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    await assertOwnsPoll(ctx.services.db, ctx.owner.id, input.pollId);
    const poll = await ctx.services.polls.get(input);
    return Array.from({ length: poll.ballotCodes ?? 0 }, (_, i) => {
      const code = ballotCode(ctx.services.sessionSecret, poll.id, i + 1);
      return { number: i + 1, code, path: `/p/${poll.slug}?code=${code}` };
    });
  }),

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
    if (poll.resultsVisibility !== "live") {
      const status = effectiveStatus(await readPollWindow(ctx.services.db, poll.id), new Date());
      const viewer = { ...(await viewerOf(ctx, poll)), isClosed: status === "closed" };
      if (!canSeeResults(poll.resultsVisibility, viewer)) return null;
    }
    return ctx.services.engine.readResults(poll);
  }),

  /**
   * Live status and tally of a poll, at most ~10 updates a second. Each event's id is the tally's seq, so a client
   * that reconnects with its last event id is sent the current state at once (every subscription starts with it).
   */
  onResults: publicProcedure
    .input(z.object({ pollId: idSchema, lastEventId: z.string().max(64).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const poll = await ctx.services.polls.get({ pollId: input.pollId });
      const viewer = await viewerOf(ctx, poll);
      const canSee = (status: string) => canSeeResults(poll.resultsVisibility, { ...viewer, isClosed: status === "closed" });
      for await (const update of await ctx.services.live.hub.watch(poll, canSee, signal)) {
        yield tracked(`${update.results?.seq ?? 0}:${update.status}`, update);
      }
    }),
});
