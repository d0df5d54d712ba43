import { createHmac } from "node:crypto";
import { withStarLabels } from "@/lib/kindResults";
import { toZonedIso } from "@/lib/zonedTime";
import type { Db } from "../../infra/db/prisma";

const PAGE = 5_000;

/**
 * The poll's ballots as CSV, one row per ballot. Voters appear as a short pseudonym (pseudonymsFor):
 * enough to tell ballots apart, nothing that identifies a person or could be replayed as a cookie. Times are on
 * the restaurant's clock, with their offset, so a spreadsheet shows the hour the restaurant saw. A ranking's choices
 * are best first; a rating's choice is its stars ("4"), per dish its dishes' ("Bibimbap ★4 | Japchae ★5"). `revision` and `changed_at`: a ballot changed until the close
 * keeps its first cast time, and says how many versions it had and when the last one came.
 */
export async function exportBallotsCsv(db: Db, pollId: string, secret: string): Promise<string> {
  const pseudonym = pseudonymsFor(secret, pollId);
  const { restaurant, kind } = await db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { kind: true, restaurant: { select: { timeZone: true } } } });
  const options = await db.pollOption.findMany({ where: { pollId }, select: { id: true, label: true, menuItemId: true }, orderBy: { position: "asc" } });
  const labelOf = new Map(withStarLabels(kind, options).map((o) => [o.id, o.label]));
  const rows = ["ballot,cast_at,voter,choices,coupon,revision,changed_at"];
  const coupons = new Map(
    (await db.coupon.findMany({ where: { pollId }, select: { voterId: true, code: true } })).map((c) => [c.voterId, c.code]),
  );
  let cursor: bigint | undefined;
  let number = 0;
  for (;;) {
    const page = await db.ballot.findMany({
      where: { pollId, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, voterId: true, optionIds: true, castAt: true, revision: true, changedAt: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (page.length === 0) break;
    for (const ballot of page) {
      const choices = ballot.optionIds.map((id) => labelOf.get(id) ?? id).join(" | ");
      const changedAt = ballot.changedAt ? toZonedIso(ballot.changedAt, restaurant.timeZone) : "";
      const fields = [++number, toZonedIso(ballot.castAt, restaurant.timeZone), pseudonym(ballot.voterId), choices, coupons.get(ballot.voterId) ?? "", ballot.revision, changedAt];
      rows.push(fields.map(csvField).join(","));
    }
    cursor = page[page.length - 1].id;
  }
  return `${rows.join("\n")}\n`;
}

/**
 * A voter's pseudonym in one poll's export: a keyed hash (HMAC with the server's secret) of the poll and the voter.
 * Keyed, so nobody can recompute it from a voter id (on a ballot-code poll the id derives from the printed card);
 * per poll, so one diner's rows in two polls' exports (or two restaurants') cannot be linked.
 */
export function pseudonymsFor(secret: string, pollId: string) {
  const key = createHmac("sha256", secret).update("ballot-export-pseudonym").digest();
  return (voterId: string) => createHmac("sha256", key).update(`${pollId}:${voterId}`).digest("hex").slice(0, 10);
}

/** Quotes a field when it needs it, and defuses spreadsheet formulas (a label starting with = + - @). */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
