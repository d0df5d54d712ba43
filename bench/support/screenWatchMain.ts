/**
 * Live screens in a worker process: N tRPC WebSockets subscribed to `poll.onResults`, as the TV page subscribes.
 * Records, per screen, every update's sequence number and when it arrived (wall clock, comparable with the
 * load generator's acceptance times), until told to stop.
 */
import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import { WebSocket } from "ws";
import type { AppRouter } from "../../server/routers/appRouter";
import { wallNow } from "./stats";

type Job = { url: string; pollId: string; screens: number };
export type ScreenWatchResult = { screens: number; connected: number; updates: number; bytes: number; timelines: number[][] };

process.once("message", async (message: { type: string; job: Job }) => {
  const { url, pollId, screens } = message.job;
  const timelines: number[][] = Array.from({ length: screens }, () => []);
  let connected = 0;
  let bytes = 0;
  const closers: (() => void)[] = [];
  class CountingSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { perMessageDeflate: false });
      this.on("message", (data: Buffer) => (bytes += data.length));
    }
  }
  for (let start = 0; start < screens; start += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, screens - start) }, (_, j) => {
        const i = start + j;
        return new Promise<void>((resolve) => {
          const wsClient = createWSClient({
            url: `${url.replace(/^http/, "ws")}/api/trpc`,
            WebSocket: CountingSocket as unknown as typeof globalThis.WebSocket,
            retryDelayMs: () => 500,
          });
          const api = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
          let first = true;
          let sub: { unsubscribe(): void } | null = null;
          // A refused subscription (the server too busy to read the poll in time) is asked for again, as a page does.
          const subscribe = () => {
            sub = api.poll.onResults.subscribe(
              { pollId },
              {
                onData: (event) => {
                  if (first) {
                    first = false;
                    connected++;
                    resolve();
                  }
                  const seq = event.data.results?.seq;
                  if (seq !== undefined) timelines[i].push(seq, wallNow());
                },
                onError: () => setTimeout(subscribe, 500),
              },
            );
          };
          subscribe();
          closers.push(() => {
            sub?.unsubscribe();
            wsClient.close();
          });
        });
      }),
    );
    process.send?.({ type: "progress", done: Math.min(screens, start + 200), total: screens });
  }
  // Updates before now are the initial state each screen got on subscribing: not part of the measurement.
  for (const t of timelines) t.length = 0;
  bytes = 0;
  process.send?.({ type: "ready" });
  process.once("message", () => {
    for (const close of closers) close();
    const updates = timelines.reduce((n, t) => n + t.length / 2, 0);
    const result: ScreenWatchResult = { screens, connected, updates, bytes, timelines };
    process.send?.({ type: "result", result }, () => process.exit(0));
  });
});
