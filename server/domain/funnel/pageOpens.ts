import type { Db } from "../../infra/db/prisma";

/**
 * Counts one opening of a poll's diner page in its quarter of an hour (UTC; one row per poll and quarter,
 * incremented). Every time zone's offset is a whole number of quarter hours (India +05:30, Nepal +05:45), so each
 * quarter falls within one hour of the restaurant's clock and the funnel's hours are the restaurant's own.
 */
export async function countPageOpen(db: Db, pollId: string, at = new Date()): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "PollPageOpens" ("pollId", "periodStart", "opens")
    VALUES (${pollId}, date_bin('15 minutes', ${at}::timestamptz AT TIME ZONE 'UTC', TIMESTAMP '2000-01-01'), 1)
    ON CONFLICT ("pollId", "periodStart") DO UPDATE SET "opens" = "PollPageOpens"."opens" + 1`;
}
