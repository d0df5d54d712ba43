import { createPollInput, pollIdInput, pollRefInput } from "@/lib/schemas";
import { readPollStatus, readPublicPoll } from "../domain/polls/data";
import { effectiveStatus } from "../domain/polls/definition";
import { changePollStatus, createPoll, listOwnerPolls } from "../domain/polls/mutations";
import { canSeeResults } from "../domain/polls/visibility";
import { findSessionOwner, SESSION_COOKIE } from "../domain/owners/sessions";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import { ownerProcedure, publicProcedure, router } from "../trpc/init";

export const pollRouter = router({
  create: ownerProcedure.input(createPollInput).mutation(({ ctx, input }) => createPoll(ctx.services.db, ctx.owner.id, input)),

  open: ownerProcedure
    .input(pollIdInput)
    .mutation(({ ctx, input }) => changePollStatus(ctx.services.db, ctx.services.engine, ctx.owner.id, input.pollId, "open")),

  close: ownerProcedure
    .input(pollIdInput)
    .mutation(({ ctx, input }) => changePollStatus(ctx.services.db, ctx.services.engine, ctx.owner.id, input.pollId, "closed")),

  mine: ownerProcedure.query(({ ctx }) => listOwnerPolls(ctx.services.db, ctx.owner.id)),

  get: publicProcedure.input(pollRefInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return readPublicPoll(ctx.services.db, poll, new Date());
  }),

  /** The tally, for whoever the poll's results visibility admits; `null` for everyone else. */
  results: publicProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    const { db, engine, polls, sessionSecret } = ctx.services;
    const poll = await polls.get(input);
    if (poll.resultsVisibility !== "live") {
      const status = effectiveStatus({ ...poll, status: await readPollStatus(db, poll.id) }, new Date());
      const owner = await findSessionOwner(db, ctx.cookies[SESSION_COOKIE]);
      const voter = readVoterCookie(ctx.cookies[VOTER_COOKIE], sessionSecret);
      const viewer = {
        isOwner: owner?.id === poll.ownerId,
        isClosed: status === "closed",
        hasVoted: voter.kind === "valid" && (await engine.hasVoted(poll, voter.voterId)),
      };
      if (!canSeeResults(poll.resultsVisibility, viewer)) return null;
    }
    return engine.readResults(poll);
  }),
});
