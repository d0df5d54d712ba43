import type { PollResults } from "@/lib/schemas";

/**
 * A poll's results with every option present (zero when nobody chose it). `seq` is the number of ballots
 * accepted, which only grows: a viewer holding a higher seq holds the newer tally.
 */
export function resultsFromCounts(optionIds: readonly string[], read: (optionId: string) => number, total: number): PollResults {
  const counts: Record<string, number> = {};
  for (const optionId of optionIds) counts[optionId] = read(optionId);
  return { counts, total, seq: total };
}

/** From the Postgres engine's tally object: { optionId: count, "": total }. */
export function resultsFromRecord(optionIds: readonly string[], record: Record<string, number>): PollResults {
  return resultsFromCounts(optionIds, (id) => record[id] ?? 0, record[""] ?? 0);
}
