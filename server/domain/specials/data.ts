import type { Db } from "../../infra/db/prisma";
import { toZonedInputValue } from "@/lib/zonedTime";

/** Today on the restaurant's calendar, as YYYY-MM-DD. */
export const todayIn = (timeZone: string, now: Date) => toZonedInputValue(now, timeZone).slice(0, 10);

const dishSelect = { nameEn: true, nameKo: true, description: true, priceCents: true, photoUrl: true } as const;

/** The restaurant's specials of today, on its own calendar. */
export async function readTodaysSpecials(db: Db, restaurant: { id: string; timeZone: string }, now = new Date()) {
  const today = todayIn(restaurant.timeZone, now);
  const specials = await db.special.findMany({
    where: { restaurantId: restaurant.id, startsOn: { lte: today }, endsOn: { gte: today } },
    select: { id: true, startsOn: true, endsOn: true, menuItem: { select: dishSelect } },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
  return specials.map(({ menuItem, ...special }) => ({ ...special, dish: menuItem }));
}

/** The public restaurant page: its open polls and today's specials. Nothing of drafts, closed polls or owners. */
export async function readPublicRestaurant(db: Db, restaurantId: string, now = new Date()) {
  const restaurant = await db.restaurant.findUnique({ where: { id: restaurantId }, select: { id: true, name: true, currency: true, timeZone: true } });
  if (!restaurant) return null;
  const [polls, specials] = await Promise.all([
    db.poll.findMany({
      where: {
        restaurantId,
        status: "open",
        archivedAt: null,
        AND: [{ OR: [{ opensAt: null }, { opensAt: { lte: now } }] }, { OR: [{ closesAt: null }, { closesAt: { gt: now } }] }],
      },
      select: { slug: true, question: true, closesAt: true },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    readTodaysSpecials(db, restaurant, now),
  ]);
  return {
    name: restaurant.name,
    currency: restaurant.currency,
    openPolls: polls.map((p) => ({ slug: p.slug, question: p.question, closesAt: p.closesAt?.toISOString() ?? null })),
    specials,
  };
}
