import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
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
