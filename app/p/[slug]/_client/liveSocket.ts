import type { PollResults } from "@/lib/schemas";
import type { Connection, LiveStatus } from "../../../_live/useLiveResults";
import { TRPC_PATH } from "./api";

export type LiveUpdate = { status: LiveStatus; results: PollResults | null };
type Handlers = { onUpdate(update: LiveUpdate): void; onConnection(connection: Connection): void };
type Incoming = { id?: unknown; method?: string; error?: unknown; result?: { type?: string; id?: string; data?: { id?: string; data?: LiveUpdate } } };

/** Quick first retries, then every 5 s, as the other pages' client (app/_trpc/react.tsx). */
const reconnectDelayMs = (attempt: number) => Math.min(250 * 2 ** attempt, 5_000);
const RETRY_AFTER_ERROR_MS = 3_000;
/** A dropped Wi-Fi link closes nothing: after this long without a word, a ping; no answer in time, a new socket. */
const PING_AFTER_MS = 10_000;
const PONG_WITHIN_MS = 5_000;

/**
 * A poll's live results for the diner's page: one WebSocket speaking tRPC 11's subscription protocol, as
 * @trpc/client's wsLink does (docs/adr/0023), in a few dozen lines instead of the client library:
 * - out: `{ id, method: "subscription", params: { path, input, lastEventId } }`, `{ id, method: "subscription.stop" }`;
 * - in: `{ id, result: { type: "started" | "data" | "stopped" } }` (data: `{ id: eventId, data: { id, data } }` for a
 *   tracked event), `{ id, error }`, and `{ id: null, method: "reconnect" }` when the server is going down;
 * - "PING" answered "PONG" (the server checks the socket with WebSocket pings, which the browser answers itself:
 *   server/http/socketKeepAlive.ts).
 * It reconnects by itself and subscribes again with the last event id it saw. Returns `restart` (subscribe anew,
 * e.g. after voting, when the server decides again whether this viewer may see results) and `stop`.
 */
export function watchPoll(pollId: string, handlers: Handlers): { restart(): void; stop(): void } {
  const input = { pollId, audience: "visitor" as const };
  let socket: WebSocket | null = null;
  let attempt = 0;
  let subscription = 0;
  let lastEventId: string | undefined;
  let seen = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let keepAlive: ReturnType<typeof setTimeout> | undefined;

  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${TRPC_PATH}`;
  const send = (message: unknown) => socket?.readyState === WebSocket.OPEN && socket.send(typeof message === "string" ? message : JSON.stringify(message));
  const later = (action: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(action, ms);
  };

  function connect() {
    if (stopped) return;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      heard(ws);
      subscribe();
    };
    ws.onmessage = ({ data }) => {
      heard(ws);
      if (data === "PING") return void send("PONG");
      if (data === "PONG" || typeof data !== "string") return;
      let message: Incoming | Incoming[];
      try {
        message = JSON.parse(data);
      } catch {
        return;
      }
      for (const one of Array.isArray(message) ? message : [message]) receive(one);
    };
    ws.onclose = () => drop(ws);
  }

  /** The socket is gone (closed, silent, or the server asked): a new one after a pause. */
  function drop(ws: WebSocket) {
    if (socket !== ws) return;
    socket = null;
    clearTimeout(keepAlive);
    ws.onopen = ws.onmessage = ws.onclose = null;
    ws.close();
    if (stopped) return;
    handlers.onConnection(seen ? "reconnecting" : "connecting");
    later(connect, reconnectDelayMs(attempt++));
  }

  function heard(ws: WebSocket) {
    clearTimeout(keepAlive);
    keepAlive = setTimeout(() => {
      send("PING");
      keepAlive = setTimeout(() => drop(ws), PONG_WITHIN_MS);
    }, PING_AFTER_MS);
  }

  function subscribe() {
    subscription++;
    send({ id: subscription, method: "subscription", params: { path: "poll.onResults", input, lastEventId } });
  }

  function receive(message: Incoming) {
    if (message.method === "reconnect") return void (socket && drop(socket));
    if (message.id !== subscription) return;
    const type = message.result?.type;
    if (message.error !== undefined || type === "stopped") {
      // The server ended the subscription (say, while shutting down): subscribe again after a pause.
      handlers.onConnection("reconnecting");
      later(() => socket?.readyState === WebSocket.OPEN && subscribe(), RETRY_AFTER_ERROR_MS);
    } else if (type === "started") {
      if (seen) handlers.onConnection("live");
    } else if (type === "data" && message.result?.data?.data) {
      lastEventId = message.result.id;
      seen = true;
      handlers.onUpdate(message.result.data.data);
      handlers.onConnection("live");
    }
  }

  connect();
  return {
    restart() {
      send({ id: subscription, method: "subscription.stop" });
      lastEventId = undefined;
      if (socket?.readyState === WebSocket.OPEN) subscribe();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      send({ id: subscription, method: "subscription.stop" });
      if (socket) drop(socket);
    },
  };
}
