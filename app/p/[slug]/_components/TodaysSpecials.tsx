"use client";

import { useQuery } from "@tanstack/react-query";
import { SpecialsList } from "../../../_menu/SpecialsList";
import { useTRPC } from "../../../_trpc/react";

/** The restaurant's specials of today, under the poll: what earlier votes put on the menu. */
export function TodaysSpecials({ pollId }: { pollId: string }) {
  const trpc = useTRPC();
  const specials = useQuery(trpc.specials.ofPoll.queryOptions({ pollId }, { staleTime: 60_000 }));
  if (!specials.data) return null;
  return <SpecialsList specials={specials.data.specials} currency={specials.data.currency} className="vote-specials" />;
}
