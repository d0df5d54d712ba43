"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useTRPC } from "../_trpc/react";

const noSubscription = () => () => {};

/** The link diners open: the server's public address when it has one, else this page's own origin. */
export function useShareUrl(pollId: string | undefined, slug: string | undefined): string | undefined {
  const trpc = useTRPC();
  const configured = useQuery({ ...trpc.poll.shareUrl.queryOptions({ pollId: pollId ?? "" }), enabled: Boolean(pollId), staleTime: Infinity });
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => undefined);
  if (!slug || configured.isPending) return undefined;
  if (configured.data) return configured.data;
  return origin ? `${origin}/p/${slug}` : undefined;
}
