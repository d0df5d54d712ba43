"use client";

import { useEffect } from "react";
import { useApiQuery } from "../_client/useApiQuery";

const SAFETY_NET_MS = 5_000;

/**
 * "N of M coupons left", kept current: read again whenever the tally moves (`seq`: an accepted vote may have won a
 * coupon), and every few seconds while coupons remain, since the server shares each answer between viewers for a
 * second and one read may just miss the latest win (as app/_live/useCouponStock.ts, for the other pages).
 */
export function useCouponStock(pollId: string | undefined, seq: number | undefined, enabled: boolean) {
  const stock = useApiQuery("promotion.stock", { pollId: pollId ?? "" }, {
    enabled: enabled && Boolean(pollId),
    refetchEvery: (data) => (data?.running && (data.left ?? 0) > 0 ? SAFETY_NET_MS : false),
  });
  const { refetch } = stock;
  useEffect(() => {
    if (enabled && seq !== undefined) void refetch();
  }, [enabled, seq, refetch]);
  return stock.data ?? null;
}
