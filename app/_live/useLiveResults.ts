"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import type { PollResults } from "@/lib/schemas";
import { useTRPC } from "../_trpc/react";

export type LiveStatus = "draft" | "open" | "closed" | "scheduled";

/** `connecting` before the first update, `live` while updates flow, `reconnecting` after losing them. */
export type Connection = "connecting" | "live" | "reconnecting";

export type LiveResults = {
  /** The poll's status as of the latest update; undefined until the first one. */
  status: LiveStatus | undefined;
  /** The tally, or null while the poll hides it from this viewer. */
  results: PollResults | null;
  connection: Connection;
  /** Subscribe again, e.g. after voting, when the server decides anew whether this viewer may see results. */
  restart: () => void;
};

const RETRY_AFTER_ERROR_MS = 3_000;

/**
 * A poll's live status and tally over the WebSocket. Holds only the latest update, never a history, so a screen
 * can run for days. The WebSocket client reconnects by itself; a subscription the server ended with an error
 * (say, while it was shutting down) is started again here after a pause. `room`: the live screen, which shows
 * what the poll lets the room see, whoever's browser opened it.
 */
export function useLiveResults(pollId: string | undefined, audience: "visitor" | "room" = "visitor"): LiveResults {
  const trpc = useTRPC();
  const subscription = useSubscription(
    trpc.poll.onResults.subscriptionOptions({ pollId: pollId ?? "", audience }, { enabled: Boolean(pollId) }),
  );
  const { status, data, reset } = subscription;

  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(reset, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);

  const update = data?.data;
  const connection: Connection =
    status === "pending" && update ? "live" : update || status === "error" ? "reconnecting" : "connecting";
  return { status: update?.status, results: update?.results ?? null, connection, restart: reset };
}
