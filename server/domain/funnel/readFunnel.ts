import type { Db } from "../../infra/db/prisma";
import { csvField } from "../polls/exportBallots";

export type FunnelCounts = { opens: number; votes: number; issued: number; redeemed: number };
export type FunnelHour = FunnelCounts & { hour: number };

/**
 * What a poll's promotion did: diner page opens, votes, coupons issued and coupons redeemed (redemptions in force),
 * in all and per hour of the day on the restaurant's clock (0–23, hours without anything left out).
 */
export async function readFunnel(db: Db, pollId: string): Promise<{ totals: FunnelCounts; byHour: FunnelHour[] }> {
  const { restaurant } = await db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { restaurant: { select: { timeZone: true } } } });
  const tz = restaurant.timeZone;
  const rows = await db.$queryRaw<{ hour: number; opens: number; votes: number; issued: number; redeemed: number }[]>`
    WITH events AS (
      SELECT "periodStart" AS at, "opens" AS opens, 0 AS votes, 0 AS issued, 0 AS redeemed FROM "PollPageOpens" WHERE "pollId" = ${pollId}
      UNION ALL SELECT "castAt", 0, 1, 0, 0 FROM "Ballot" WHERE "pollId" = ${pollId}
      UNION ALL SELECT "issuedAt", 0, 0, 1, 0 FROM "Coupon" WHERE "pollId" = ${pollId}
      UNION ALL SELECT r."redeemedAt", 0, 0, 0, 1 FROM "CouponRedemption" r JOIN "Coupon" c ON c.id = r."couponId"
        WHERE c."pollId" = ${pollId} AND r."undoneAt" IS NULL
    )
    SELECT extract(hour FROM (at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::int AS hour,
      sum(opens)::int AS opens, sum(votes)::int AS votes, sum(issued)::int AS issued, sum(redeemed)::int AS redeemed
    FROM events GROUP BY 1 ORDER BY 1`;
  const totals = rows.reduce(
    (sum, row) => ({ opens: sum.opens + row.opens, votes: sum.votes + row.votes, issued: sum.issued + row.issued, redeemed: sum.redeemed + row.redeemed }),
    { opens: 0, votes: 0, issued: 0, redeemed: 0 },
  );
  return { totals, byHour: rows };
}

/** The funnel as CSV: one row per hour of the day (all 24, so spreadsheets line days up), then the totals. */
export function funnelCsv(funnel: { totals: FunnelCounts; byHour: FunnelHour[] }): string {
  const byHour = new Map(funnel.byHour.map((row) => [row.hour, row]));
  const line = (label: string, c: FunnelCounts) => [label, c.opens, c.votes, c.issued, c.redeemed].map(csvField).join(",");
  const rows = ["hour,page_opens,votes,coupons_issued,coupons_redeemed"];
  for (let hour = 0; hour < 24; hour++) rows.push(line(`${String(hour).padStart(2, "0")}:00`, byHour.get(hour) ?? { opens: 0, votes: 0, issued: 0, redeemed: 0 }));
  rows.push(line("total", funnel.totals));
  return `${rows.join("\n")}\n`;
}
