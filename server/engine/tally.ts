import type { PollResults } from "@/lib/schemas";
import { TOTAL_FIELD } from "./redis/keys";

/**
 * A poll's results with every option present (zero when nobody chose it). `seq` is the number of ballots
 * accepted, which only grows: a viewer holding a higher seq holds the newer tally.
 */
export function resultsFromCounts(optionIds: readonly string[], read: (optionId: string) => number, total: number): PollResults {
  const counts: Record<string, number> = {};
  for (const optionId of optionIds) counts[optionId] = read(optionId);
  return { counts, total, seq: total };
}

/** From a Redis HGETALL reply: [field, value, field, value, ...]. */
export function resultsFromFlatHash(optionIds: readonly string[], flat: readonly string[]): PollResults {
  const byField = new Map<string, number>();
  for (let i = 0; i < flat.length; i += 2) byField.set(flat[i], Number(flat[i + 1]));
  return resultsFromCounts(optionIds, (id) => byField.get(id) ?? 0, byField.get(TOTAL_FIELD) ?? 0);
}

/** From the Postgres engine's tally object: { optionId: count, "": total }. */
export function resultsFromRecord(optionIds: readonly string[], record: Record<string, number>): PollResults {
  return resultsFromCounts(optionIds, (id) => record[id] ?? 0, record[""] ?? 0);
}
