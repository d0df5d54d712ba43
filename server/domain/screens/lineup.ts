import type { Db } from "../../infra/db/prisma";
import { effectiveStatus } from "../polls/definition";
import { readTodaysSpecials } from "../specials/data";

/** How long a closed poll's winner stays on the restaurant's TV: news for a week, not for ever. */
export const WINNER_SHOWN_FOR_MS = 7 * 24 * 3600 * 1000;

/** Open polls the TV takes in turn: a restaurant runs a few at a time; a bound keeps the line-up small. */
const MAX_POLLS = 20;

/**
 * What the restaurant's self-running TV shows in turn (docs/adr/0030): the polls open now, oldest first; the
 * latest winner (the poll closed last, by hand or by its schedule, within the last week); today's specials. Also
 * when it next changes with nobody doing anything (a scheduled opening or closing), so every process's hub can
 * arm a timer for it.
 */
export type ScreenLineup = {
  restaurant: { id: string; name: string; currency: string };
  polls: { id: string; slug: string }[];
  winner: { id: string; slug: string; closedAt: string } | null;
  specials: Awaited<ReturnType<typeof readTodaysSpecials>>;
  /** ms since the epoch; null: nothing scheduled. */
  nextChangeAt: number | null;
};

/** The restaurant's line-up now; null when there is no such restaurant. */
export async function readScreenLineup(db: Db, restaurantId: string, now = new Date()): Promise<ScreenLineup | null> {
  const restaurant = await db.restaurant.findUnique({ where: { id: restaurantId }, select: { id: true, name: true, currency: true, timeZone: true } });
  if (!restaurant) return null;
  const since = new Date(now.getTime() - WINNER_SHOWN_FOR_MS);
  const [running, closedByHand, specials] = await Promise.all([
    // "open" rows: open now, scheduled to open, or past their closing time (closed by the schedule).
    db.poll.findMany({
      where: { restaurantId, status: "open", archivedAt: null, OR: [{ closesAt: null }, { closesAt: { gte: since } }] },
      select: { id: true, slug: true, status: true, opensAt: true, closesAt: true },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
    db.poll.findFirst({
      where: { restaurantId, status: "closed", archivedAt: null, closedAt: { gte: since } },
      select: { id: true, slug: true, closedAt: true },
      orderBy: { closedAt: "desc" },
    }),
    readTodaysSpecials(db, restaurant, now),
  ]);

  const polls: ScreenLineup["polls"] = [];
  const closed: { id: string; slug: string; closedAt: Date }[] = closedByHand?.closedAt ? [{ ...closedByHand, closedAt: closedByHand.closedAt }] : [];
  let nextChangeAt: number | null = null;
  const upcoming = (at: Date | null) => {
    if (at && at > now && (nextChangeAt === null || at.getTime() < nextChangeAt)) nextChangeAt = at.getTime();
  };
  for (const poll of running) {
    const status = effectiveStatus(poll, now);
    if (status === "open" && polls.length < MAX_POLLS) polls.push({ id: poll.id, slug: poll.slug });
    if (status === "closed" && poll.closesAt) closed.push({ id: poll.id, slug: poll.slug, closedAt: poll.closesAt });
    upcoming(poll.opensAt);
    upcoming(poll.closesAt);
  }
  const latest = closed.sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime())[0];
  return {
    restaurant: { id: restaurant.id, name: restaurant.name, currency: restaurant.currency },
    polls,
    winner: latest ? { id: latest.id, slug: latest.slug, closedAt: latest.closedAt.toISOString() } : null,
    specials,
    nextChangeAt,
  };
}
