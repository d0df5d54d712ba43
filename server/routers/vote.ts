import { z } from "zod";
import { ballotCodeSchema, castVoteInput, idSchema, pollIdInput } from "@/lib/schemas";
import { DomainError } from "../domain/errors";
import { recordBallotTable } from "../domain/presence/ballotTables";
import { provePresence } from "../domain/presence/provePresence";
import { identifyVoter } from "../domain/voters/identifyVoter";
import { castVote } from "../domain/votes/castVote";
import { readVotersBallot } from "../domain/votes/myBallot";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import type { VoteLimit } from "../engine/types";
import { enforceLimit, publicProcedure, router, voterIdentity } from "../trpc/init";

export const voteRouter = router({
  /**
   * Gives a first-time diner their voter identity (the signed cookie) before they vote. A vote whose answer is lost
   * is sent again by the page (lib/voteRetry.ts); had the identity come in that lost answer, the retry would be a
   * new voter and the vote would count twice. With a valid cookie it does nothing.
   */
  identify: publicProcedure
    .input(pollIdInput)
    .use(voterIdentity)
    .mutation(() => ({ identified: true as const })),

  /** This browser's (or this ballot card's) earlier vote in the poll, so a return visit shows it; null before voting. */
  mine: publicProcedure.input(z.object({ pollId: idSchema, ballotCode: ballotCodeSchema.optional() })).query(async ({ ctx, input }) => {
    const { db, polls, sessionSecret } = ctx.services;
    const poll = await polls.get(input);
    const browser = readVoterCookie(ctx.cookies[VOTER_COOKIE], sessionSecret, ctx.services.voterCookieMaxAgeMs);
    const voterId = identifyVoter(poll, sessionSecret, browser.kind === "valid" ? browser.voterId : null, input.ballotCode);
    return voterId ? readVotersBallot(db, poll.id, voterId) : null;
  }),

  /**
   * The address's vote limit (votesPerIp) is counted by the engine in the vote's own step, per poll: one Redis round
   * trip per vote (docs/adr/0010). What would read or write Postgres before the engine (a poll id that is not
   * cached, a table card's note) is counted on the limiter first, per address across polls, as before.
   */
  cast: publicProcedure
    .input(castVoteInput)
    .use(voterIdentity)
    .mutation(async ({ ctx, input }) => {
      const { db, engine, limits, live, polls, sessionSecret } = ctx.services;
      const poll = await polls.get({ pollId: input.pollId }).catch(async (error: unknown) => {
        await enforceLimit(ctx, "votesPerIp", ctx.ip);
        throw error;
      });
      const voterId = identifyVoter(poll, sessionSecret, ctx.voterId, input.ballotCode);
      if (!voterId) throw new DomainError("FORBIDDEN", "this poll needs the ballot code printed on your card");
      const { table } = provePresence(poll, sessionSecret, input, new Date());
      let limit: VoteLimit | undefined = { key: ctx.ip, rule: limits.votesPerIp };
      if (table !== null) {
        await enforceLimit(ctx, "votesPerIp", ctx.ip);
        limit = undefined;
        await recordBallotTable(db, poll.id, voterId, table);
      }
      const vote = await castVote(engine, live.announcer, poll, voterId, input.optionIds, { limit });
      // The vote is counted: a database gone away since must not turn it into an error. The poll page shows the
      // coupon again once Postgres answers (readVotersCoupon).
      const coupon = vote.coupon && (await ctx.services.couponTerms.describeWon(poll.id, vote.coupon.code).catch((error: unknown) => {
        ctx.services.log.warn("a won coupon's terms could not be read", { err: error });
        return null;
      }));
      return { ...vote, coupon };
    }),
});
