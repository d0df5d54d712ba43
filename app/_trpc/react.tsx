"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import type { AppRouter } from "@/server/routers/appRouter";
import { VOTE_RETRY } from "@/lib/voteRetry";
import { isClientError } from "./errors";

/*
 * How every page reaches the API: queries and mutations over HTTP (a vote must be HTTP, its response sets the
 * voter cookie), subscriptions over one WebSocket per tab. The WebSocket client reconnects by itself and
 * re-subscribes with the last event id it saw, so a screen catches up at once after a server restart.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const TRPC_PATH = "/api/trpc";

/** Quick first retries, then every 5 s: a restarted server is back within seconds, and a TV has all the time in the world. */
const reconnectDelayMs = (attempt: number) => Math.min(250 * 2 ** attempt, 5_000);

/** A vote left unanswered is given up after a deadline, so the page can send it again (lib/voteRetry.ts). */
function fetchWithVoteDeadline(url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (!String(url).includes("vote.cast")) return fetch(url, init);
  const deadline = AbortSignal.timeout(VOTE_RETRY.answerDeadlineMs);
  return fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline });
}

function createApiClient() {
  const http = httpBatchLink({ url: TRPC_PATH, fetch: fetchWithVoteDeadline });
  // Rendering on the server never subscribes (effects do not run there), and Node 20 has no WebSocket.
  if (typeof window === "undefined") return createTRPCClient<AppRouter>({ links: [http] });
  const ws = createWSClient({
    url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${TRPC_PATH}`,
    retryDelayMs: reconnectDelayMs,
    // Opened by the first subscription only, so pages without live results keep no socket.
    lazy: { enabled: true, closeMs: 10_000 },
    // A dropped Wi-Fi link closes nothing: pings notice a dead socket so it can be replaced.
    keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 5_000 },
  });
  return createTRPCClient<AppRouter>({
    links: [splitLink({ condition: (op) => op.type === "subscription", true: wsLink({ client: ws }), false: http })],
  });
}

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A 4xx answer will be the same on retry (signed out, not found, forbidden); a network blip will not.
      queries: { staleTime: 5_000, retry: (failures, error) => !isClientError(error) && failures < 3 },
      mutations: { retry: false },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createApiClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
