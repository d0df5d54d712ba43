import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { WebSocket } from "ws";
import type { LiveUpdate } from "../../server/live/messages";
import type { AppRouter } from "../../server/routers/appRouter";

/** A live screen over the tRPC WebSocket: records every update it is sent. */
export function openScreen(baseUrl: string, pollId: string) {
  const updates: LiveUpdate[] = [];
  const wsClient = createWSClient({
    url: `${baseUrl.replace(/^http/, "ws")}/api/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 200,
  });
  const api = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
  const subscription = api.poll.onResults.subscribe({ pollId }, { onData: (event) => updates.push(event.data) });
  return {
    updates,
    latest: () => updates.at(-1),
    async waitFor(predicate: (update: LiveUpdate) => boolean, timeoutMs = 10_000): Promise<LiveUpdate> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = updates.findLast(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching update in ${timeoutMs} ms; last: ${JSON.stringify(updates.at(-1))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close() {
      subscription.unsubscribe();
      wsClient.close();
    },
  };
}

type Lineup = inferRouterOutputs<AppRouter>["screen"]["lineup"] extends AsyncIterable<infer T> ? T : never;

/** A restaurant's TV over the tRPC WebSocket: records every line-up it is sent. */
export function openRestaurantScreen(baseUrl: string, restaurantId: string, key?: string) {
  const lineups: Lineup[] = [];
  const wsClient = createWSClient({
    url: `${baseUrl.replace(/^http/, "ws")}/api/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 200,
  });
  const api = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
  const errors: unknown[] = [];
  const subscription = api.screen.lineup.subscribe({ restaurantId, key }, { onData: (lineup) => lineups.push(lineup), onError: (error) => errors.push(error) });
  return {
    lineups,
    errors,
    async waitFor(predicate: (lineup: Lineup) => boolean, timeoutMs = 10_000): Promise<Lineup> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lineups.findLast(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching line-up in ${timeoutMs} ms; last: ${JSON.stringify(lineups.at(-1))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close() {
      subscription.unsubscribe();
      wsClient.close();
    },
  };
}
