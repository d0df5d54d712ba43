"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { PollResults } from "@/lib/schemas";
import { useTRPC } from "../../../../_trpc/react";

export type TallyPoint = { at: number; total: number; counts: Record<string, number> };

const MAX_LIVE_POINTS = 300;

/**
 * Votes over time: the server's tally snapshots, then a point for each live tally seen on this page since. Live
 * points are thinned by half whenever there are too many, so a page left open all evening stays small.
 */
export function useVotesOverTime(pollId: string, results: PollResults | null): TallyPoint[] {
  const trpc = useTRPC();
  const history = useQuery(trpc.poll.history.queryOptions({ pollId }));
  const [live, setLive] = useState<TallyPoint[]>([]);

  useEffect(() => {
    if (!results) return;
    setLive((points) => {
      if (points.at(-1)?.total === results.total) return points;
      const next = [...points, { at: Date.now(), total: results.total, counts: results.counts }];
      return next.length > MAX_LIVE_POINTS ? next.filter((_, i) => i % 2 === 0 || i === next.length - 1) : next;
    });
  }, [results]);

  const snapshots = (history.data ?? []).map((s) => ({ at: Date.parse(s.takenAt), total: s.total, counts: s.counts }));
  const lastSnapshot = snapshots.at(-1);
  return [...snapshots, ...live.filter((p) => !lastSnapshot || (p.at > lastSnapshot.at && p.total >= lastSnapshot.total))];
}
