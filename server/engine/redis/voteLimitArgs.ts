import { decide, windowOf } from "../../limits/slidingWindow";
import type { VoteLimit } from "../types";

/**
 * The vote script's rate-limit part (castVote.lua KEYS[6..7], ARGV[4..6]): the sliding-window counters of
 * slidingWindow.lua, kept under the poll's hash tag so the limit is checked and counted in the vote's own round
 * trip, on Redis Cluster too (docs/adr/0010). Without a limit the keys are never read and the limit is 0.
 */
export function voteLimitArgs(tag: string, limit: VoteLimit | undefined, nowMs: number): { keys: [string, string]; argv: string[] } {
  if (!limit) return { keys: [`${tag}:rl`, `${tag}:rl`], argv: ["0", "0", "0"] };
  const { index, elapsedFraction } = windowOf(nowMs, limit.rule.windowMs);
  const counter = `${tag}:rl:${limit.key}`;
  return {
    keys: [`${counter}:${index}`, `${counter}:${index - 1}`],
    argv: [String(limit.rule.limit), String(limit.rule.windowMs), String(elapsedFraction)],
  };
}

/** How long the refused client waits, from the counts the script read (the limiter's own decision). */
export function limitedRetryAfterMs(limit: VoteLimit, nowMs: number, previous: number, current: number): number {
  const { elapsedFraction } = windowOf(nowMs, limit.rule.windowMs);
  const decision = decide({ previous, current, elapsedFraction }, limit.rule);
  return decision.allowed ? 1 : decision.retryAfterMs;
}
