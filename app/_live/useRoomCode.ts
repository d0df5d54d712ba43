"use client";

import { useQuery } from "@tanstack/react-query";
import { isClientError } from "../_trpc/errors";
import { useTRPC } from "../_trpc/react";

/**
 * The room code the restaurant's screen shows (docs/adr/0026), asked again just after each change. Given to the
 * screen's link (its `key`) or the signed-in owner; null for anyone else and for polls that do not ask for it.
 */
export function useRoomCode(pollId: string | undefined, required: boolean, screenKey: string | undefined): string | null {
  const trpc = useTRPC();
  const room = useQuery({
    ...trpc.presence.roomCode.queryOptions({ pollId: pollId ?? "", screenKey }),
    enabled: Boolean(pollId) && required,
    retry: (_failures, error) => !isClientError(error),
    refetchInterval: (query) => {
      const changesAt = query.state.data?.changesAt;
      return changesAt ? Math.max(1_000, new Date(changesAt).getTime() - Date.now() + 250) : 10_000;
    },
  });
  return room.data?.code ?? null;
}

/** The link diners open, carrying the room code when there is one: scanning the screen's QR code proves presence. */
export function withRoomCode(url: string | undefined, code: string | null): string | undefined {
  if (!url || !code) return url;
  return `${url}${url.includes("?") ? "&" : "?"}room=${code}`;
}
