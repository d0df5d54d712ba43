"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../../../_trpc/react";

/** Tells the server once that the poll's page was opened: the top of the promotion's funnel (a scan, a link followed). */
export function usePageOpen(pollId: string | undefined) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.funnel.pageOpened.mutationOptions());
  useEffect(() => {
    if (pollId) mutate({ pollId });
  }, [pollId, mutate]);
}
