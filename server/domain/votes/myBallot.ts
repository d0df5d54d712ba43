import type { Db } from "../../infra/db/prisma";

/**
 * The ballot a voter cast in a poll, as the diner's page shows it on return: what they chose and when. Read from
 * Postgres, where every accepted ballot is before its answer went out (docs/adr/0004).
 */
export async function readVotersBallot(db: Db, pollId: string, voterId: string) {
  const ballot = await db.ballot.findUnique({
    where: { pollId_voterId: { pollId, voterId } },
    select: { optionIds: true, castAt: true },
  });
  return ballot && { optionIds: ballot.optionIds, castAt: ballot.castAt.toISOString() };
}
