"use client";

import { SpecialsList } from "../../../_menu/SpecialsList";
import { useApiQuery } from "../_client/useApiQuery";

/** The restaurant's specials of today, under the poll: what earlier votes put on the menu. */
export function TodaysSpecials({ pollId }: { pollId: string }) {
  const specials = useApiQuery("specials.ofPoll", { pollId });
  if (!specials.data) return null;
  return <SpecialsList specials={specials.data.specials} currency={specials.data.currency} className="vote-specials" />;
}
