import type { Db } from "../../infra/db/prisma";

const MAX_POINTS = 500;

/** Votes over time for the owner's chart: the poll's tally snapshots, oldest first, thinned to at most 500 points. */
export async function readTallyHistory(db: Db, pollId: string) {
  const snapshots = await db.tallySnapshot.findMany({
    where: { pollId },
    select: { takenAt: true, total: true, counts: true },
    orderBy: { takenAt: "asc" },
  });
  const step = Math.max(1, Math.ceil(snapshots.length / MAX_POINTS));
  const thinned = snapshots.filter((_, i) => i % step === 0 || i === snapshots.length - 1);
  return thinned.map((s) => ({ takenAt: s.takenAt.toISOString(), total: s.total, counts: s.counts as Record<string, number> }));
}
