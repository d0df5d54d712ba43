/**
 * When the diner's page sends a vote again by itself. A vote is safe to repeat: it carries the same voter cookie,
 * and the server counts a voter once (a repeat is answered `already_voted`). So a vote that got no answer (the
 * connection cut, the server restarting, no reply in time) or SERVICE_UNAVAILABLE (nothing was counted, try
 * again) is retried a few times, further apart each time, with jitter so a room of phones that lost the same
 * server do not all come back in the same instant. A refused voter cookie is retried once at once: the refusal
 * came with a fresh cookie.
 */

/** What an attempt ended with, as far as retrying goes. */
export type VoteFailure = "no_answer" | "unauthorized" | "other";

export const VOTE_RETRY = {
  /**
   * Attempts in all, the first included: up to about 18 s of pauses, enough for a lone server's restart (behind a
   * balancer the first retry already reaches another process).
   */
  attempts: 8,
  firstDelayMs: 400,
  maxDelayMs: 4_000,
  /** A vote unanswered this long is given up and sent again (the answer normally takes well under a second). */
  answerDeadlineMs: 10_000,
} as const;

/** `failuresSoFar`: failed attempts before this one ends (0 after the first), as TanStack Query counts them. */
export function shouldRetryVote(failuresSoFar: number, failure: VoteFailure): boolean {
  if (failure === "unauthorized") return failuresSoFar === 0;
  if (failure === "no_answer") return failuresSoFar < VOTE_RETRY.attempts - 1;
  return false;
}

/** The wait before the next attempt: doubling from `firstDelayMs` up to `maxDelayMs`, each drawn from its upper half. */
export function voteRetryDelayMs(failuresSoFar: number, failure: VoteFailure, random: () => number = Math.random): number {
  if (failure === "unauthorized") return 0;
  const ceiling = Math.min(VOTE_RETRY.firstDelayMs * 2 ** failuresSoFar, VOTE_RETRY.maxDelayMs);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
