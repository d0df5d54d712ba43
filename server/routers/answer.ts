import { z } from "zod";
import { ballotCodeSchema, hideAnswerInput, hideWordInput, idSchema, listAnswersInput, submitAnswerInput } from "@/lib/schemas";
import { hideAnswer, hideWord, readHiddenWords } from "../domain/answers/moderation";
import { readVotersAnswer } from "../domain/answers/myAnswer";
import { exportAnswersCsv, listAnswers } from "../domain/answers/ownerAnswers";
import { submitAnswer } from "../domain/answers/submitAnswer";
import { DomainError } from "../domain/errors";
import { recordBallotTable } from "../domain/presence/ballotTables";
import { provePresence } from "../domain/presence/provePresence";
import { identifyVoter } from "../domain/voters/identifyVoter";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import { ownerPollProcedure, publicProcedure, rateLimit, router, voterIdentity } from "../trpc/init";

/** Open answers (docs/adr/0029): the diner's answer, and the owner's list, moderation and export. */
export const answerRouter = router({
  /** A diner's answer to an open poll; the same guards as a vote (rate limit, voter cookie, ballot card, presence). */
  submit: publicProcedure
    .input(submitAnswerInput)
    .use(rateLimit("votesPerIp", (ctx) => ctx.ip))
    .use(voterIdentity)
    .mutation(async ({ ctx, input }) => {
      const { db, live, polls, sessionSecret } = ctx.services;
      const poll = await polls.get({ pollId: input.pollId });
      const voterId = identifyVoter(poll, sessionSecret, ctx.voterId, input.ballotCode);
      if (!voterId) throw new DomainError("FORBIDDEN", "this poll needs the ballot code printed on your card");
      const { table } = provePresence(poll, sessionSecret, input, new Date());
      if (table !== null) await recordBallotTable(db, poll.id, voterId, table);
      return submitAnswer(db, live.announcer, poll, voterId, input.text);
    }),

  /** This browser's (or ballot card's) answer, so a return visit shows it; null before answering. */
  mine: publicProcedure.input(z.object({ pollId: idSchema, ballotCode: ballotCodeSchema.optional() })).query(async ({ ctx, input }) => {
    const { db, polls, sessionSecret } = ctx.services;
    const poll = await polls.get(input);
    const browser = readVoterCookie(ctx.cookies[VOTER_COOKIE], sessionSecret, ctx.services.voterCookieMaxAgeMs);
    const voterId = identifyVoter(poll, sessionSecret, browser.kind === "valid" ? browser.voterId : null, input.ballotCode);
    return voterId ? readVotersAnswer(db, poll.id, voterId) : null;
  }),

  list: ownerPollProcedure.input(listAnswersInput).query(({ ctx, input }) => listAnswers(ctx.services.db, input.pollId, input.search, input.cursor)),

  hiddenWords: ownerPollProcedure.query(({ ctx, input }) => readHiddenWords(ctx.services.db, input.pollId)),

  hideAnswer: ownerPollProcedure
    .input(hideAnswerInput)
    .mutation(({ ctx, input }) => hideAnswer(ctx.services.db, ctx.services.live.announcer, input.pollId, input.answerId, input.hidden)),

  hideWord: ownerPollProcedure
    .input(hideWordInput)
    .mutation(async ({ ctx, input }) =>
      hideWord(ctx.services.db, ctx.services.live.announcer, await ctx.services.polls.get(input), input.word, input.hidden),
    ),

  export: ownerPollProcedure.query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return { filename: `tableside-${poll.slug}-answers.csv`, csv: await exportAnswersCsv(ctx.services.db, input.pollId, ctx.services.sessionSecret) };
  }),
});
