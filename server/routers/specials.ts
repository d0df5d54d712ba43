import { z } from "zod";
import { idSchema, pollIdInput, winnerSpecialInput } from "@/lib/schemas";
import { DomainError, notFound } from "../domain/errors";
import { readPublicRestaurant, readTodaysSpecials } from "../domain/specials/data";
import { makeWinnerSpecial } from "../domain/specials/makeWinnerSpecial";
import { ownerPollProcedure, publicProcedure, router } from "../trpc/init";

/** The winner on the menu: a closed menu vote's winning dish becomes the special; the public restaurant page. */
export const specialsRouter = router({
  /** One action on a closed menu vote: its winning dish is the special from `startsOn` to `endsOn`. */
  fromWinner: ownerPollProcedure.input(winnerSpecialInput).mutation(async ({ ctx, input }) => {
    if (input.startsOn > input.endsOn) throw new DomainError("BAD_REQUEST", "the special must start before it ends");
    const special = await makeWinnerSpecial(ctx.services.db, input.pollId, input);
    ctx.services.live.announcer.lineupChanged(special.restaurantId); // the restaurant's TV shows it
    return special;
  }),

  /** Today's specials of the restaurant a poll belongs to, for the diner's page. */
  ofPoll: publicProcedure.input(pollIdInput).query(async ({ ctx, input }) => {
    const poll = await ctx.services.polls.get(input);
    const restaurant = await ctx.services.db.restaurant.findUniqueOrThrow({ where: { id: poll.restaurantId }, select: { id: true, timeZone: true, currency: true } });
    return { restaurantId: restaurant.id, currency: restaurant.currency, specials: await readTodaysSpecials(ctx.services.db, restaurant) };
  }),

  /** The public restaurant page: open polls and today's specials. */
  restaurant: publicProcedure.input(z.object({ restaurantId: idSchema })).query(async ({ ctx, input }) => {
    const restaurant = await readPublicRestaurant(ctx.services.db, input.restaurantId);
    if (!restaurant) throw notFound("restaurant");
    return restaurant;
  }),
});
