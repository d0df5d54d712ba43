"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/react";

export type RestaurantSettings = { id: string; name: string; currency: string; timeZone: string };

const UNKNOWN: RestaurantSettings = { id: "", name: "", currency: "USD", timeZone: "UTC" };

/**
 * The owner's restaurant: its currency and time zone, which every owner page shows prices and times in. Read from
 * the signed-in owner's query, which OwnerShell has loaded before any page content renders.
 */
export function useRestaurant(): RestaurantSettings {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  return me.data?.restaurants[0] ?? UNKNOWN;
}
