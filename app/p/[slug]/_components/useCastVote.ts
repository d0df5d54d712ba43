"use client";

import { useRef, useState } from "react";
import type { PollResults } from "@/lib/schemas";
import { shouldRetryVote, type VoteFailure, VOTE_RETRY, voteRetryDelayMs } from "@/lib/voteRetry";
import { apiMutation, type InputOf, type OutputOf, readCallError } from "../_client/api";
import type { WonCouponView } from "./WonCoupon";

/** Where a diner's vote stands, in the terms the page shows. */
export type VoteOutcome =
  | { kind: "ready" }
  | { kind: "sending" }
  /** `afterRetry`: an attempt got no answer, and a later one found the vote already in (so it was counted). */
  | { kind: "counted"; choices: string[]; results: PollResults | null; coupon: WonCouponView | null; afterRetry?: boolean; /** replaced the diner's earlier ballot */ changed?: boolean }
  | { kind: "alreadyVoted"; results: PollResults | null }
  | { kind: "tooFast"; retryAt: number }
  | { kind: "notAccepting" }
  | { kind: "notFound" }
  | { kind: "needsPresence"; invalid: boolean }
  | { kind: "failed"; network: boolean };

/** What the diner brings to prove being in the restaurant (docs/adr/0026). */
export type PresenceProof = { roomCode?: string; tableCode?: string; /** a printed ballot card's code (its QR code's `?code=`) */ ballotCode?: string };

const DEFAULT_WAIT_SECONDS = 5;

/**
 * Casting a vote. The diner's voter identity is asked for first (vote.identify), so that it never rides only in an
 * answer that may be lost. An attempt without an answer (or SERVICE_UNAVAILABLE) is sent again by itself, with the
 * same voter cookie, a few times with growing pauses (lib/voteRetry.ts); when a retry finds the vote already in,
 * the lost answer was a counted vote, and the diner is told so. A refused voter cookie is retried once at once: the
 * refusal came with a fresh cookie, so the retry is the diner's first real attempt. A rate-limit refusal says when
 * to try again; a "not taking votes" refusal calls `onNotAccepting`, so the page can learn whether the poll has
 * closed or has not opened.
 */
export function useCastVote(pollId: string, onNotAccepting?: () => void) {
  const identified = useRef(false);
  const sending = useRef(0);
  const [outcome, setOutcome] = useState<VoteOutcome>({ kind: "ready" });

  async function send(input: InputOf<"vote.cast">): Promise<OutputOf<"vote.cast">> {
    // The identity first, in an answer of its own: every attempt of the vote then carries the same one.
    if (!identified.current) {
      await apiMutation("vote.identify", { pollId: input.pollId });
      identified.current = true;
    }
    // A vote left unanswered is given up after a deadline, so it can be sent again.
    return apiMutation("vote.cast", input, AbortSignal.timeout(VOTE_RETRY.answerDeadlineMs));
  }

  async function vote(optionIds: string[], proof: PresenceProof = {}) {
    const attempt = ++sending.current;
    const input = { pollId, optionIds, roomCode: proof.roomCode || undefined, tableCode: proof.tableCode || undefined, ballotCode: proof.ballotCode || undefined };
    let answerLost = false;
    setOutcome({ kind: "sending" });
    for (let failures = 0; ; failures++) {
      try {
        const answer = await send(input);
        if (attempt === sending.current) setOutcome(outcomeOfAnswer(answer, optionIds, answerLost));
        return;
      } catch (error) {
        const failure = failureOf(error);
        if (shouldRetryVote(failures, failure)) {
          if (failure === "no_answer") answerLost = true;
          await new Promise((resolve) => setTimeout(resolve, voteRetryDelayMs(failures, failure)));
          if (attempt !== sending.current) return;
          continue;
        }
        if (attempt !== sending.current) return;
        const { code } = readCallError(error);
        // The poll closed (or is not open yet) behind the page's back: read its status again to say which.
        if (code === "PRECONDITION_FAILED") onNotAccepting?.();
        setOutcome(outcomeOfError(error));
        return;
      }
    }
  }

  function reset() {
    sending.current++;
    setOutcome({ kind: "ready" });
  }

  return { outcome, vote: (optionIds: string[], proof?: PresenceProof) => void vote(optionIds, proof), reset };
}

function failureOf(error: unknown): VoteFailure {
  const { code } = readCallError(error);
  return code === "NETWORK" ? "no_answer" : code === "UNAUTHORIZED" ? "unauthorized" : "other";
}

function outcomeOfAnswer(answer: OutputOf<"vote.cast">, choices: string[], answerLost: boolean): VoteOutcome {
  const { status, results, coupon } = answer as { status: string; results: PollResults | null; coupon: WonCouponView | null };
  if (status === "accepted") return { kind: "counted", choices, results, coupon };
  if (status === "changed") return { kind: "counted", choices, results, coupon, changed: true };
  // The same voter, moments after an attempt whose answer was lost: that attempt is the vote already in.
  if (answerLost) return { kind: "counted", choices, results, coupon, afterRetry: true };
  return { kind: "alreadyVoted", results };
}

function outcomeOfError(error: unknown): VoteOutcome {
  const { code, details, retryAfterSeconds } = readCallError(error);
  if (code === "FORBIDDEN" && details?.presence) return { kind: "needsPresence", invalid: details.presence === "invalid" };
  if (code === "TOO_MANY_REQUESTS") return { kind: "tooFast", retryAt: Date.now() + (retryAfterSeconds ?? DEFAULT_WAIT_SECONDS) * 1000 };
  if (code === "PRECONDITION_FAILED") return { kind: "notAccepting" };
  if (code === "NOT_FOUND") return { kind: "notFound" };
  return { kind: "failed", network: code === "NETWORK" };
}
