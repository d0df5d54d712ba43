import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { SESSION_COOKIE } from "../domain/owners/sessions";
import { readTableResults } from "../domain/presence/ballotTables";
import { screenKey } from "../domain/presence/screenKey";
import { showRoomCode } from "../domain/presence/showRoomCode";
import { printableTableCards } from "../domain/presence/tableCards";
import { ownerPollProcedure, publicProcedure, router } from "../trpc/init";

/** Proof of presence (docs/adr/0026): the screen's rotating room code, the screen's link, table cards and their results. */
export const presenceRouter = router({
  /** The code the restaurant's screen shows now, and when it changes. Only for the screen's key or the owner. */
  roomCode: publicProcedure
    .input(z.object({ pollId: idSchema, screenKey: z.string().max(64).optional() }))
    .query(async ({ ctx, input }) => {
      const poll = await ctx.services.polls.get(input);
      const asker = { screenKey: input.screenKey, sessionToken: ctx.cookies[SESSION_COOKIE] };
      return showRoomCode(ctx.services.db, ctx.services.sessionSecret, poll, asker, new Date());
    }),

  /** The link to put the poll on the restaurant's screen: it carries the key that lets the screen show the room code. */
  screenPath: ownerPollProcedure.query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    return `/screen/${poll.slug}?key=${screenKey(ctx.services.sessionSecret, poll.id)}`;
  }),

  /** The printable table cards, each with the link its QR code opens. */
  tableCards: ownerPollProcedure.query(async ({ ctx, input }) =>
    printableTableCards(ctx.services.sessionSecret, await ctx.services.polls.get(input)),
  ),

  /** Ballots per table, from votes that came with a table card. */
  tableResults: ownerPollProcedure.query(({ ctx, input }) => readTableResults(ctx.services.db, input.pollId)),
});
