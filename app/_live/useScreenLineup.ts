"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { readApiError } from "../_trpc/errors";
import { useTRPC } from "../_trpc/react";
import type { Connection } from "./useLiveResults";

const RETRY_AFTER_ERROR_MS = 3_000;

/**
 * The restaurant TV's line-up over the WebSocket (docs/adr/0030): the newest only, never a history. The WebSocket
 * client reconnects by itself (a server restart); a subscription ended with an error is started again after a
 * pause, unless the restaurant does not exist. When a server answers with another build of the pages than the
 * one this page came from (a deploy), the page reloads itself, so a TV left alone for months runs the new code.
 */
export function useScreenLineup(restaurantId: string, screenKey: string | undefined, pageBuild: string | null) {
  const trpc = useTRPC();
  const subscription = useSubscription(trpc.screen.lineup.subscriptionOptions({ restaurantId, key: screenKey }));
  const { status, data, error, reset } = subscription;
  const notFound = status === "error" && readApiError(error).code === "NOT_FOUND";

  useEffect(() => {
    if (status !== "error" || notFound) return;
    const timer = setTimeout(reset, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [status, notFound, reset]);

  const build = useRef(pageBuild);
  useEffect(() => {
    if (!data) return;
    build.current ??= data.build;
    if (data.build !== build.current) window.location.reload();
  }, [data]);

  const connection: Connection = status === "pending" && data ? "live" : data || status === "error" ? "reconnecting" : "connecting";
  return { lineup: data ?? null, connection, notFound };
}
