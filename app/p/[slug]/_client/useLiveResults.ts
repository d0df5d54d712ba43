"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Connection, LiveResults } from "../../../_live/useLiveResults";
import { type LiveUpdate, watchPoll } from "./liveSocket";

/** The poll's live status and tally for the diner's page, over its own small WebSocket reader (liveSocket.ts). */
export function useLiveResults(pollId: string | undefined): LiveResults {
  const [update, setUpdate] = useState<LiveUpdate | undefined>();
  const [connection, setConnection] = useState<Connection>("connecting");
  const watch = useRef<ReturnType<typeof watchPoll> | null>(null);
  useEffect(() => {
    if (!pollId) return;
    const watching = watchPoll(pollId, { onUpdate: setUpdate, onConnection: setConnection });
    watch.current = watching;
    return () => {
      watching.stop();
      watch.current = null;
    };
  }, [pollId]);
  const restart = useCallback(() => watch.current?.restart(), []);
  return { status: update?.status, results: update?.results ?? null, connection, restart };
}
