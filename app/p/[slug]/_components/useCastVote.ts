"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { PollResults } from "@/lib/schemas";
import { readApiError } from "../../../_trpc/errors";
import { useTRPC } from "../../../_trpc/react";
import type { WonCouponView } from "./WonCoupon";

/** Where a diner's vote stands, in the terms the page shows. */
export type VoteOutcome =
  | { kind: "ready" }
  | { kind: "sending" }
  | { kind: "counted"; choices: string[]; results: PollResults | null; coupon: WonCouponView | null }
  | { kind: "alreadyVoted"; results: PollResults | null }
  | { kind: "tooFast"; retryAt: number }
  | { kind: "notAccepting" }
  | { kind: "notFound" }
  | { kind: "needsPresence"; invalid: boolean }
  | { kind: "failed"; network: boolean };

/** What the diner brings to prove being in the restaurant (docs/adr/0026). */
export type PresenceProof = { roomCode?: string; tableCode?: string };

const DEFAULT_WAIT_SECONDS = 5;

/**
 * Casting a vote. A refused voter cookie is retried once at once: the refusal came with a fresh cookie, so the
 * retry is the diner's first real attempt. A rate-limit refusal says when to try again; a "not taking votes"
 * refusal calls `onNotAccepting`, so the page can learn whether the poll has closed or has not opened.
 */
export function useCastVote(pollId: string, onNotAccepting?: () => void) {
  const trpc = useTRPC();
  const [choices, setChoices] = useState<string[]>([]);
  const [retryAt, setRetryAt] = useState(0);
  const cast = useMutation(
    trpc.vote.cast.mutationOptions({
      retry: (failures, error) => failures < 1 && readApiError(error).code === "UNAUTHORIZED",
      retryDelay: 0,
      onError: (error) => {
        const { code, retryAfterSeconds } = readApiError(error);
        if (code === "TOO_MANY_REQUESTS") setRetryAt(Date.now() + (retryAfterSeconds ?? DEFAULT_WAIT_SECONDS) * 1000);
        // The poll closed (or is not open yet) behind the page's back: read its status again to say which.
        if (code === "PRECONDITION_FAILED") onNotAccepting?.();
      },
    }),
  );

  function vote(optionIds: string[], proof: PresenceProof = {}) {
    setChoices(optionIds);
    cast.mutate({ pollId, optionIds, roomCode: proof.roomCode || undefined, tableCode: proof.tableCode || undefined });
  }

  return { outcome: outcomeOf(cast, choices, retryAt), vote, reset: cast.reset };
}

function outcomeOf(cast: { status: string; data?: { status: string; results: PollResults | null; coupon: WonCouponView | null }; error: unknown }, choices: string[], retryAt: number): VoteOutcome {
  if (cast.status === "pending") return { kind: "sending" };
  if (cast.status === "success" && cast.data) {
    const { status, results, coupon } = cast.data;
    return status === "accepted" ? { kind: "counted", choices, results, coupon } : { kind: "alreadyVoted", results };
  }
  if (cast.status !== "error") return { kind: "ready" };
  const { code, details } = readApiError(cast.error);
  if (code === "FORBIDDEN" && details?.presence) return { kind: "needsPresence", invalid: details.presence === "invalid" };
  if (code === "TOO_MANY_REQUESTS") return { kind: "tooFast", retryAt };
  if (code === "PRECONDITION_FAILED") return { kind: "notAccepting" };
  if (code === "NOT_FOUND") return { kind: "notFound" };
  return { kind: "failed", network: code === "NETWORK" };
}
