/**
 * The sliding-window counter (the seed's section 5): the previous fixed window's count, weighted by how much of
 * it still overlaps the sliding window, plus the current window's count. It keeps two numbers per key instead of
 * a log of timestamps, and is exact when requests in the previous window were spread evenly; with a burst at the
 * very end of that window it may admit up to `limit × elapsed` more than a sliding log would.
 */
export type WindowCounts = { previous: number; current: number; elapsedFraction: number };
export type Rule = { limit: number; windowMs: number };
export type Decision = { allowed: true } | { allowed: false; retryAfterMs: number };

export function weightedCount({ previous, current, elapsedFraction }: WindowCounts): number {
  return previous * (1 - elapsedFraction) + current;
}

export function decide(counts: WindowCounts, rule: Rule, cost = 1): Decision {
  if (weightedCount(counts) + cost <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterMs: retryAfterMs(counts, rule, cost) };
}

/** How long until the same request would be admitted, if nothing else arrives meanwhile. */
export function retryAfterMs({ previous, current, elapsedFraction }: WindowCounts, rule: Rule, cost = 1): number {
  const room = rule.limit - current - cost;
  if (room >= 0 && previous > 0) {
    // Still in this window: wait until the previous window's share has shrunk enough.
    const neededFraction = 1 - room / previous;
    if (neededFraction <= 1) return Math.max(1, ceilMs((neededFraction - elapsedFraction) * rule.windowMs));
  }
  // In the next window this window becomes "previous": wait until enough of it has slid out.
  if (cost > rule.limit) return Number.POSITIVE_INFINITY;
  const untilNextWindow = (1 - elapsedFraction) * rule.windowMs;
  const nextFraction = current > 0 ? Math.max(0, 1 - (rule.limit - cost) / current) : 0;
  return Math.max(1, ceilMs(untilNextWindow + nextFraction * rule.windowMs));
}

/** Rounds up to whole milliseconds, ignoring floating-point dust (0.1 × 60000 is 6000.000000000001). */
const ceilMs = (ms: number) => Math.ceil(ms - 1e-6);

/** The fixed window a moment falls in, and how far into it the moment is. */
export function windowOf(nowMs: number, windowMs: number): { index: number; elapsedFraction: number } {
  const index = Math.floor(nowMs / windowMs);
  return { index, elapsedFraction: (nowMs - index * windowMs) / windowMs };
}
