import type { PollResults } from "@/lib/schemas";

/**
 * A poll's results with every option present (zero when nobody chose it). `seq` is the number of ballots
 * accepted plus the changes accepted, which only grows: a viewer holding a higher seq holds the newer tally.
 * An option's number is its votes, or on a ranking its Borda points (lib/pollKinds.ts).
 */
export function resultsFromCounts(optionIds: readonly string[], read: (optionId: string) => number, total: number, changes = 0): PollResults {
  const counts: Record<string, number> = {};
  for (const optionId of optionIds) counts[optionId] = read(optionId);
  return { counts, total, seq: total + changes };
}

/** The tally's field counting accepted changes of ballots (docs/adr/0028): seq grows with them too. */
export const CHANGES_FIELD = "_changes";

/** From the Postgres engine's tally object: { optionId: count, "": total, _changes: changes }. */
export function resultsFromRecord(optionIds: readonly string[], record: Record<string, number>): PollResults {
  return resultsFromCounts(optionIds, (id) => record[id] ?? 0, record[""] ?? 0, record[CHANGES_FIELD] ?? 0);
}
