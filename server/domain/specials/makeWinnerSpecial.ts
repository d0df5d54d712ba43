import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";

/**
 * One action on a closed menu vote: the winning dish becomes the restaurant's special for a range of days. The
 * winner is read from the recorded ballots (Postgres, final once the poll is closed). A tie needs the owner to say
 * which of the tied dishes (`menuItemId`); making the special again for the same poll replaces the dates.
 */
export async function makeWinnerSpecial(db: Db, pollId: string, days: { startsOn: string; endsOn: string; menuItemId?: string }) {
  const poll = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: { status: true, restaurantId: true, options: { select: { id: true, menuItemId: true } } },
  });
  if (poll.status !== "closed") throw new DomainError("PRECONDITION_FAILED", "the winner is known once the poll is closed");
  const counts = await db.$queryRaw<{ option: string; votes: number }[]>`
    SELECT option_id AS "option", count(*)::int AS "votes" FROM "Ballot", unnest("optionIds") AS option_id
    WHERE "pollId" = ${pollId} GROUP BY 1`;
  const votesOf = new Map(counts.map((c) => [c.option, c.votes]));
  const top = Math.max(0, ...poll.options.map((o) => votesOf.get(o.id) ?? 0));
  if (top === 0) throw new DomainError("PRECONDITION_FAILED", "no votes: there is no winner");
  const winners = poll.options.filter((o) => (votesOf.get(o.id) ?? 0) === top);
  if (winners.some((o) => !o.menuItemId)) throw new DomainError("PRECONDITION_FAILED", "the winner is not a dish of the menu");
  const chosen = days.menuItemId ? winners.find((o) => o.menuItemId === days.menuItemId) : winners.length === 1 ? winners[0] : undefined;
  if (!chosen) {
    throw new DomainError("CONFLICT", "a tie: say which of the tied dishes becomes the special", { tied: winners.map((o) => o.menuItemId) });
  }
  const data = { restaurantId: poll.restaurantId, menuItemId: chosen.menuItemId!, startsOn: days.startsOn, endsOn: days.endsOn };
  return db.special.upsert({
    where: { pollId },
    create: { pollId, ...data },
    update: data,
    select: { id: true, restaurantId: true, menuItemId: true, startsOn: true, endsOn: true },
  });
}
