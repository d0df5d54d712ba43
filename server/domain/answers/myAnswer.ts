import type { Db } from "../../infra/db/prisma";

/** The answer a diner gave to an open poll, as their page shows it on return; null before they answered. */
export async function readVotersAnswer(db: Db, pollId: string, voterId: string) {
  const row = await db.openAnswer.findUnique({
    where: { pollId_voterId: { pollId, voterId } },
    select: { text: true, answeredAt: true, changedAt: true, hiddenAt: true },
  });
  return row && { text: row.text, answeredAt: (row.changedAt ?? row.answeredAt).toISOString(), hidden: row.hiddenAt !== null };
}

export async function hasAnswered(db: Db, pollId: string, voterId: string): Promise<boolean> {
  return (await db.openAnswer.count({ where: { pollId, voterId } })) > 0;
}
