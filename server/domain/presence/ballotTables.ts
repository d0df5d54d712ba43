import type { Db } from "../../infra/db/prisma";

/** Notes the table a voter votes from, before the vote: the first table a voter names stands. */
export async function recordBallotTable(db: Db, pollId: string, voterId: string, table: number): Promise<void> {
  await db.ballotTable.createMany({ data: [{ pollId, voterId, tableNumber: table }], skipDuplicates: true });
}

export type TableResults = { table: number; total: number; counts: Record<string, number> };

/** The owner's results per table: ballots that came with a table card, counted by table and option. */
export async function readTableResults(db: Db, pollId: string): Promise<TableResults[]> {
  const rows = await db.$queryRaw<{ table: number; option: string; count: number }[]>`
    SELECT bt."tableNumber" AS "table", option_id AS "option", count(*)::int AS "count"
    FROM "BallotTable" bt
    JOIN "Ballot" b ON b."pollId" = bt."pollId" AND b."voterId" = bt."voterId"
    CROSS JOIN LATERAL unnest(b."optionIds" || ''::text) AS option_id
    WHERE bt."pollId" = ${pollId}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  const byTable = new Map<number, TableResults>();
  for (const row of rows) {
    const entry = byTable.get(row.table) ?? { table: row.table, total: 0, counts: {} };
    if (row.option === "") entry.total = row.count;
    else entry.counts[row.option] = row.count;
    byTable.set(row.table, entry);
  }
  return [...byTable.values()];
}
