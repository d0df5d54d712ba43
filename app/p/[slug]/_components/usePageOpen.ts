"use client";

import { useEffect } from "react";
import { apiMutation } from "../_client/api";

/** Tells the server once that the poll's page was opened: the top of the promotion's funnel (a scan, a link followed). */
export function usePageOpen(pollId: string | undefined) {
  useEffect(() => {
    if (pollId) apiMutation("funnel.pageOpened", { pollId }).catch(() => {}); // a count lost is no matter to the diner
  }, [pollId]);
}
