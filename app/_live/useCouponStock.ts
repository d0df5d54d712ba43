"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../_trpc/react";

const SAFETY_NET_MS = 5_000;

/**
 * "N of M coupons left" for a poll with a promotion, kept current: read again whenever the tally moves (`seq`:
 * an accepted vote may have won a coupon), and every few seconds while coupons remain, since the server shares
 * each answer between viewers for a second and one read may just miss the latest win.
 */
export function useCouponStock(pollId: string | undefined, seq: number | undefined, enabled: boolean) {
  const trpc = useTRPC();
  const stock = useQuery({
    ...trpc.promotion.stock.queryOptions({ pollId: pollId ?? "" }, { enabled: enabled && Boolean(pollId) }),
    refetchInterval: (query) => (query.state.data?.running && (query.state.data.left ?? 0) > 0 ? SAFETY_NET_MS : false),
  });
  const { refetch } = stock;
  useEffect(() => {
    if (enabled && seq !== undefined) void refetch();
  }, [enabled, seq, refetch]);
  return stock.data ?? null;
}
