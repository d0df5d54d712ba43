/**
 * Live screens in a worker process: N WebSockets subscribed to `poll.onResults`, speaking tRPC's WebSocket protocol
 * by hand (one subscription message out, JSON frames in), as an outside client would. Not @trpc/client: its
 * per-message machinery costs the bench's own CPU on a 2-core machine the server shares, and what is measured here
 * is the server. Records, per screen, every update's sequence number and when it arrived (wall clock, comparable
 * with the load generator's acceptance times), until told to stop.
 */
import { WebSocket } from "ws";
import { wallNow } from "./stats";

type Job = { url: string; pollId: string; screens: number };
export type ScreenWatchResult = { screens: number; connected: number; updates: number; bytes: number; timelines: number[][] };

type Frame = { id?: number | null; method?: string; result?: { type: string; data?: { data?: { results?: { seq: number } | null } } }; error?: unknown };

const SUBSCRIPTION_ID = 1;
const RETRY_MS = 500;

process.once("message", async (message: { type: string; job: Job }) => {
  const { url, pollId, screens } = message.job;
  const timelines: number[][] = Array.from({ length: screens }, () => []);
  let connected = 0;
  let bytes = 0;
  let stopping = false;
  const sockets: WebSocket[] = [];
  const subscribe = JSON.stringify({ id: SUBSCRIPTION_ID, method: "subscription", params: { path: "poll.onResults", input: { pollId } } });

  /** One screen: a socket that (re)subscribes until its first update, and reconnects if the server drops it. */
  const seen = new Array<boolean>(screens).fill(false);
  const watch = (i: number, onFirst: () => void) => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/api/trpc`, { perMessageDeflate: false });
    sockets[i] = ws;
    ws.on("open", () => ws.send(subscribe));
    ws.on("message", (data: Buffer) => {
      bytes += data.length;
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame.method === "reconnect") return ws.close();
      // A refused subscription (the server too busy to read the poll in time) is asked for again, as a page does.
      if (frame.error) return void setTimeout(() => ws.readyState === ws.OPEN && ws.send(subscribe), RETRY_MS);
      if (frame.result?.type !== "data") return;
      if (!seen[i]) {
        seen[i] = true;
        connected++;
        onFirst();
      }
      const seq = frame.result.data?.data?.results?.seq;
      if (seq !== undefined) timelines[i].push(seq, wallNow());
    });
    ws.on("error", () => {});
    ws.on("close", () => {
      if (!stopping) setTimeout(() => watch(i, onFirst), RETRY_MS);
    });
  };

  for (let start = 0; start < screens; start += 200) {
    const batch = Array.from({ length: Math.min(200, screens - start) }, (_, j) => new Promise<void>((resolve) => watch(start + j, resolve)));
    await Promise.all(batch);
    process.send?.({ type: "progress", done: Math.min(screens, start + 200), total: screens });
  }
  // Updates before now are the initial state each screen got on subscribing: not part of the measurement.
  for (const t of timelines) t.length = 0;
  bytes = 0;
  process.send?.({ type: "ready" });
  process.once("message", () => {
    stopping = true;
    for (const ws of sockets) ws.close();
    const updates = timelines.reduce((n, t) => n + t.length / 2, 0);
    const result: ScreenWatchResult = { screens, connected, updates, bytes, timelines };
    process.send?.({ type: "result", result }, () => process.exit(0));
  });
});
