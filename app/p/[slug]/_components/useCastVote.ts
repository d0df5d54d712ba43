"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { PollResults } from "@/lib/schemas";
import { shouldRetryVote, type VoteFailure, voteRetryDelayMs } from "@/lib/voteRetry";
import { readApiError } from "../../../_trpc/errors";
import { useTRPC, useTRPCClient } from "../../../_trpc/react";
import type { WonCouponView } from "./WonCoupon";

/** Where a diner's vote stands, in the terms the page shows. */
export type VoteOutcome =
  | { kind: "ready" }
  | { kind: "sending" }
  /** `afterRetry`: an attempt got no answer, and a later one found the vote already in (so it was counted). */
  | { kind: "counted"; choices: string[]; results: PollResults | null; coupon: WonCouponView | null; afterRetry?: boolean }
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
  const trpc = useTRPC();
  const client = useTRPCClient();
  const identified = useRef(false);
  const [choices, setChoices] = useState<string[]>([]);
  const [retryAt, setRetryAt] = useState(0);
  const answerLost = useRef(false);
  const options = trpc.vote.cast.mutationOptions({
    retry: (failures, error) => {
      const failure = failureOf(error);
      const again = shouldRetryVote(failures, failure);
      if (again && failure === "no_answer") answerLost.current = true;
      return again;
    },
    retryDelay: (failures, error) => voteRetryDelayMs(failures, failureOf(error)),
    onError: (error) => {
      const { code, retryAfterSeconds } = readApiError(error);
      if (code === "TOO_MANY_REQUESTS") setRetryAt(Date.now() + (retryAfterSeconds ?? DEFAULT_WAIT_SECONDS) * 1000);
      // The poll closed (or is not open yet) behind the page's back: read its status again to say which.
      if (code === "PRECONDITION_FAILED") onNotAccepting?.();
    },
  });
  const cast = useMutation({
    ...options,
    // The identity first, in an answer of its own: every attempt of the vote then carries the same one.
    mutationFn: async (input: Parameters<typeof client.vote.cast.mutate>[0]) => {
      if (!identified.current) {
        await client.vote.identify.mutate({ pollId: input.pollId });
        identified.current = true;
      }
      return client.vote.cast.mutate(input);
    },
  });

  function vote(optionIds: string[], proof: PresenceProof = {}) {
    setChoices(optionIds);
    answerLost.current = false;
    cast.mutate({ pollId, optionIds, roomCode: proof.roomCode || undefined, tableCode: proof.tableCode || undefined, ballotCode: proof.ballotCode || undefined });
  }

  return { outcome: outcomeOf(cast, choices, retryAt, answerLost.current), vote, reset: cast.reset };
}

function failureOf(error: unknown): VoteFailure {
  const { code } = readApiError(error);
  return code === "NETWORK" ? "no_answer" : code === "UNAUTHORIZED" ? "unauthorized" : "other";
}

type CastState = { status: string; data?: { status: string; results: PollResults | null; coupon: WonCouponView | null }; error: unknown };

function outcomeOf(cast: CastState, choices: string[], retryAt: number, answerLost: boolean): VoteOutcome {
  if (cast.status === "pending") return { kind: "sending" };
  if (cast.status === "success" && cast.data) {
    const { status, results, coupon } = cast.data;
    if (status === "accepted") return { kind: "counted", choices, results, coupon };
    // The same voter, moments after an attempt whose answer was lost: that attempt is the vote already in.
    if (answerLost) return { kind: "counted", choices, results, coupon, afterRetry: true };
    return { kind: "alreadyVoted", results };
  }
  if (cast.status !== "error") return { kind: "ready" };
  const { code, details } = readApiError(cast.error);
  if (code === "FORBIDDEN" && details?.presence) return { kind: "needsPresence", invalid: details.presence === "invalid" };
  if (code === "TOO_MANY_REQUESTS") return { kind: "tooFast", retryAt };
  if (code === "PRECONDITION_FAILED") return { kind: "notAccepting" };
  if (code === "NOT_FOUND") return { kind: "notFound" };
  return { kind: "failed", network: code === "NETWORK" };
}
