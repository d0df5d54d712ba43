"use client";

import { useEffect, useState } from "react";
import { apiMutation } from "../_client/api";

/**
 * Whether the page may open its live socket yet. On an open poll the diner's voter identity is asked for first
 * (vote.identify, which does nothing when the cookie is already valid), so the socket carries the voter cookie and
 * is held to the diner's own bounds, not to the share of a Wi-Fi address that every diner in the room shares
 * (docs/adr/0019). If that fails the page goes live anyway; only its socket's bounds differ.
 */
export function useIdentityFirst(pollId: string | undefined, status: string | undefined): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!pollId || ready) return;
    if (status !== "open") {
      setReady(true);
      return;
    }
    let cancelled = false;
    apiMutation("vote.identify", { pollId })
      .catch(() => {})
      .finally(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
  }, [pollId, status, ready]);
  return ready;
}
