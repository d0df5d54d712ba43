import type { Db } from "../../infra/db/prisma";

/** Counts one opening of a poll's diner page in the current hour (one row per poll and hour, incremented). */
export async function countPageOpen(db: Db, pollId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "PollPageOpens" ("pollId", "hourStart", "opens")
    VALUES (${pollId}, date_trunc('hour', now() AT TIME ZONE 'UTC'), 1)
    ON CONFLICT ("pollId", "hourStart") DO UPDATE SET "opens" = "PollPageOpens"."opens" + 1`;
}
