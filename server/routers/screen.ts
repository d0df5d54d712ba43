import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { notFound } from "../domain/errors";
import { isRestaurantScreenKey, restaurantScreenKey, screenKey } from "../domain/presence/screenKey";
import type { ScreenLineup } from "../domain/screens/lineup";
import { RestaurantNotFoundError } from "../live/restaurantHub";
import { liveErrors, ownerProcedure, router, subscriptionProcedure } from "../trpc/init";

/** The restaurant's self-running TV (docs/adr/0030). */
export const screenRouter = router({
  /**
   * The restaurant's line-up, live: the current one at once, then every change (a poll opened or closed, by hand
   * or by its schedule; a special set). `build`: the pages' build of the answering server, so a TV reloads itself
   * after a deploy. With the TV link's `key`, each poll comes with its own screen key, so the TV shows room codes.
   */
  lineup: subscriptionProcedure
    .input(z.object({ restaurantId: idSchema, key: z.string().max(64).optional() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const slot = ctx.subscriptions.take();
      try {
        const { sessionSecret, buildId } = ctx.services;
        const keyed = input.key !== undefined && isRestaurantScreenKey(sessionSecret, input.restaurantId, input.key);
        const lineups = await liveErrors(
          ctx.services.live.restaurants.watch(input.restaurantId, signal).catch((error: unknown) => {
            throw error instanceof RestaurantNotFoundError ? notFound("restaurant") : error;
          }),
        );
        for await (const lineup of lineups) yield { build: buildId, ...forScreen(lineup, keyed ? sessionSecret : null) };
      } finally {
        slot.release();
      }
    }),

  /** The link to put on the restaurant's TV: it carries the key that lets it show each poll's room code. */
  restaurantPath: ownerProcedure.query(async ({ ctx }) => {
    const restaurant = await ctx.services.db.restaurant.findFirstOrThrow({ where: { ownerId: ctx.owner.id }, select: { id: true } });
    return `/screen/r/${restaurant.id}?key=${restaurantScreenKey(ctx.services.sessionSecret, restaurant.id)}`;
  }),
});

/** What the TV needs of a line-up: not its schedule; each poll's screen key when the TV holds the restaurant's. */
function forScreen({ nextChangeAt: _, ...lineup }: ScreenLineup, secret: string | null) {
  return { ...lineup, polls: lineup.polls.map((poll) => ({ ...poll, screenKey: secret ? screenKey(secret, poll.id) : null })) };
}
