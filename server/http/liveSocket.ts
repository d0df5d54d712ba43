import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { TRPCError } from "@trpc/server";
import { getWSConnectionHandler } from "@trpc/server/adapters/ws";
import { type WebSocket, WebSocketServer } from "ws";
import type { SocketLimits } from "../limits/socketLimits";
import type { SocketLimitMetrics } from "../metrics/socketLimits";
import { appRouter } from "../routers/appRouter";
import type { Services } from "../services";
import type { Context, createContextFactory } from "../trpc/context";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import { addressKey, clientIp } from "../trpc/clientIp";
import { readCookies } from "../trpc/cookies";
import { SubscriptionSlots } from "../trpc/subscriptionSlots";
import { deliverEarlyStops } from "./earlyStops";
import { BudgetCounts, liveBudgets } from "./liveBudgets";
import { refuseCrossSite } from "./mutationGuard";

/** Close codes a dropped client sees: 1013 "try again later" for a consumer too far behind. */
const TOO_SLOW = 1013;

/**
 * tRPC over WebSocket with the bounds of server/limits/socketLimits.ts: the upgrade passes the Origin check
 * (as HTTP mutations do) and the per-address socket count; a frame is at most `frameBytes` (ws closes 1009) and
 * at most `callsPerFrame` calls; a socket holds at most `subscriptionsPerSocket` subscriptions and an address at most
 * `subscriptionsPerAddress` (SubscriptionSlots,
 * taken by the subscription itself); a client that stops reading is dropped once `bufferedBytesPerSocket` wait.
 */
export function createLiveSocket(
  services: Services,
  createContext: ReturnType<typeof createContextFactory>,
  onError: (opts: { error: TRPCError; path?: string; ctx?: Context }) => void,
) {
  const limits = services.socketLimits;
  const metrics = services.socketMetrics;
  // perMessageDeflate off: compressing each small tally frame once per socket collapses a large fan-out (ADR 0008).
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: limits.frameBytes });
  const sockets = new BudgetCounts();
  const subscriptionCounts = new BudgetCounts();

  wss.on("connection", (ws: WebSocket) => {
    dropWhenTooFarBehind(ws, limits.bufferedBytesPerSocket, metrics);
    ws.on("error", (error: Error & { code?: string }) => {
      if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") metrics.refused("frame_bytes");
    });
  });

  // The adapter's handler built per connection: its encoder, the only place that sees both directions of one
  // connection's frames, carries that connection's state (deliverEarlyStops).
  const handlerOptions = {
    wss,
    router: appRouter,
    keepAlive: { enabled: true, pingMs: 20_000, pongWaitMs: 5_000 },
    // A client's protocol error (too large a frame, bad framing) is the client's doing: counted, not logged.
    onError: (opts: { error: TRPCError; path?: string; ctx?: Context }) => {
      if (!(opts.error.cause as { code?: string } | undefined)?.code?.startsWith("WS_ERR_")) onError(opts);
    },
  };
  const batches = boundedBatches(limits.callsPerFrame, metrics);
  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    const budgets = budgetsOf(req).subscriptions;
    const clientSlot = () => {
      const full = subscriptionCounts.take(budgets);
      if (full) {
        metrics.refused(full.refusal);
        return null;
      }
      return () => subscriptionCounts.release(budgets);
    };
    const subscriptions = new SubscriptionSlots(limits.subscriptionsPerSocket, clientSlot, (bound) => {
      if (bound === "socket") metrics.refused("subscriptions_per_socket"); // a client's refusal was counted by clientSlot
    });
    getWSConnectionHandler({
      ...handlerOptions,
      createContext: ({ req }) => createContext({ req, subscriptions }),
      experimental_encoder: deliverEarlyStops(ws, batches),
    })(ws, req);
  });
  const wsHandler = {
    /** Tells every client to reconnect (graceful shutdown), as tRPC's applyWSSHandler would. */
    broadcastReconnectNotification() {
      const notification = JSON.stringify({ id: null, method: "reconnect" });
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(notification);
    },
  };

  /** The budgets of the upgrade's client: its voter identity (a valid voter cookie) if any, and its address. */
  function budgetsOf(req: IncomingMessage) {
    const address = addressKey(clientIp(req, services.trustProxy));
    const voter = readVoterCookie(readCookies(req)[VOTER_COOKIE], services.sessionSecret, services.voterCookieMaxAgeMs);
    return liveBudgets(limits, address, voter.kind === "valid" ? voter.voterId : null);
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const crossSite = refuseCrossSite(req, services.publicUrl);
    if (crossSite) {
      metrics.refused("origin");
      return refuseUpgrade(socket, crossSite.status, crossSite.message);
    }
    const budgets = budgetsOf(req).sockets;
    const full = sockets.take(budgets);
    if (full) {
      metrics.refused(full.refusal);
      return refuseUpgrade(socket, 429, `at most ${full.limit} connections per ${full.refusal === "sockets_per_voter" ? "voter" : "address"}`);
    }
    let counted = true;
    const uncount = () => {
      if (counted) sockets.release(budgets);
      counted = false;
    };
    socket.once("close", uncount);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once("close", uncount);
      wss.emit("connection", ws, req);
    });
  }

  return { wss, wsHandler, handleUpgrade };
}

/** Answers an upgrade that will not be accepted with a plain HTTP status, then closes the connection. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = { 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests" }[status] ?? "Bad Request";
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  }
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * Every frame tRPC sends goes through `ws.send`; a client that stops reading makes ws queue them in memory
 * without bound. Past `maxBuffered` unsent bytes the client is dropped instead: closed with 1013, then cut off
 * (a client that does not read will not read the close frame either).
 */
function dropWhenTooFarBehind(ws: WebSocket, maxBuffered: number, metrics: SocketLimitMetrics): void {
  const send = ws.send.bind(ws) as (data: unknown, cb?: (error?: Error) => void) => void;
  let dropped = false;
  ws.send = ((data: unknown, ...rest: unknown[]) => {
    if (dropped) return;
    if (ws.bufferedAmount > maxBuffered) {
      dropped = true;
      metrics.refused("buffered_bytes");
      ws.close(TOO_SLOW, "too far behind");
      setTimeout(() => ws.terminate(), 1_000).unref();
      return;
    }
    send(data, rest.find((r) => typeof r === "function") as ((error?: Error) => void) | undefined);
  }) as WebSocket["send"];
}

/**
 * tRPC's JSON encoder with a bound on batches: a frame that is a JSON array of more than `maxCalls` calls is
 * refused whole (PARSE_ERROR with the reason), before any of them runs. One call per frame is the common case
 * and is parsed once, as before.
 */
function boundedBatches(maxCalls: number, metrics: SocketLimitMetrics) {
  return {
    encode: (data: unknown) => JSON.stringify(data),
    decode: (data: string | Buffer) => {
      if (typeof data !== "string") throw new Error("text frames only");
      const message: unknown = JSON.parse(data);
      if (Array.isArray(message) && message.length > maxCalls) {
        metrics.refused("calls_per_frame");
        throw new Error(`at most ${maxCalls} calls per frame`);
      }
      return message;
    },
  };
}
