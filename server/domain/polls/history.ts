import type { Db } from "../../infra/db/prisma";

const MAX_POINTS = 500;

/** Votes over time for the owner's chart: the poll's tally snapshots, oldest first, thinned to at most 500 points. */
export async function readTallyHistory(db: Db, pollId: string) {
  const snapshots = await db.tallySnapshot.findMany({
    where: { pollId },
    select: { takenAt: true, total: true, counts: true },
    orderBy: { takenAt: "asc" },
  });
  const ordered = afterTheOpening(snapshots);
  const step = Math.max(1, Math.ceil(ordered.length / MAX_POINTS));
  const thinned = ordered.filter((_, i) => i % step === 0 || i === ordered.length - 1);
  return thinned.map((s) => ({ takenAt: s.takenAt.toISOString(), total: s.total, counts: s.counts as Record<string, number> }));
}

type Snapshot = { takenAt: Date; total: number; counts: unknown };

/**
 * A periodic point is dated at the start of its step (tableside_take_snapshots), so the first votes' point can be
 * dated a few seconds before the opening's zero point (lifecycle.ts) taken in the same step. Those votes came after
 * the opening: their points are moved to just after it. Only the opening's point has a total of zero.
 */
function afterTheOpening(snapshots: Snapshot[]): Snapshot[] {
  const opening = snapshots.findIndex((s) => s.total === 0);
  if (opening <= 0) return snapshots;
  const openedAt = snapshots[opening].takenAt.getTime();
  const early = snapshots.slice(0, opening).map((s, i) => ({ ...s, takenAt: new Date(openedAt + 1 + i) }));
  return [snapshots[opening], ...early, ...snapshots.slice(opening + 1)];
}
