import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { TRPCError } from "@trpc/server";
import { getWSConnectionHandler } from "@trpc/server/adapters/ws";
import { WebSocket, WebSocketServer } from "ws";
import type { SocketLimits } from "../limits/socketLimits";
import type { SocketLimitMetrics } from "../metrics/socketLimits";
import { appRouter } from "../routers/appRouter";
import type { Services } from "../services";
import type { Context, createContextFactory } from "../trpc/context";
import { readVoterCookie, VOTER_COOKIE } from "../domain/voters/voterCookie";
import { addressKey, clientIp } from "../trpc/clientIp";
import { readCookies } from "../trpc/cookies";
import { requestHead } from "../trpc/requestHead";
import { SubscriptionSlots } from "../trpc/subscriptionSlots";
import { acceptingDirectDelivery } from "./directFrames";
import { deliverEarlyStops } from "./earlyStops";
import { type Budget, BudgetCounts, liveBudgets } from "./liveBudgets";
import { refuseCrossSite } from "./mutationGuard";
import { sharedFrames } from "./sharedFrames";
import { socketKeepAlive } from "./socketKeepAlive";

/** Close codes a dropped client sees: 1013 "try again later" for a consumer too far behind. */
const TOO_SLOW = 1013;

/** A peer that has not answered a ping within this long (at most twice it) is cut off: socketKeepAlive.ts. */
const KEEP_ALIVE_MS = 20_000;

/**
 * "shared": a live update's frame is built once and the same bytes go to every socket (sharedFrames.ts);
 * "perSocket": each socket's frame serialised on its own, as tRPC does (a measurement's baseline).
 */
export type LiveFrames = "shared" | "perSocket";

/** Every frame is JSON text, a shared frame's bytes too (sharedFrames.ts). */
const TEXT = { binary: false };

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
  frames: LiveFrames = "shared",
) {
  const limits = services.socketLimits;
  const metrics = services.socketMetrics;
  // perMessageDeflate off: compressing each small tally frame once per socket collapses a large fan-out (ADR 0008).
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: limits.frameBytes,
    WebSocket: droppedWhenTooFarBehind(limits.bufferedBytesPerSocket, metrics),
  });
  const sockets = new BudgetCounts();
  const subscriptionCounts = new BudgetCounts();
  const keepAlive = socketKeepAlive(KEEP_ALIVE_MS);
  const countFrameRefusal = (error: Error & { code?: string }) => {
    if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") metrics.refused("frame_bytes");
  };
  // A client's protocol error (too large a frame, bad framing) is the client's doing: counted, not logged.
  const onSocketError = (opts: { error: TRPCError; path?: string; ctx?: Context }) => {
    if (!(opts.error.cause as { code?: string } | undefined)?.code?.startsWith("WS_ERR_")) onError(opts);
  };
  /** One more subscription for the client of `budgets`: the way to give it back, or null (refused, counted). */
  const takeClientSlot = (budgets: Budget[]) => {
    const full = subscriptionCounts.take(budgets);
    if (full) {
      metrics.refused(full.refusal);
      return null;
    }
    return () => subscriptionCounts.release(budgets);
  };
  const countSocketRefusal = (bound: "socket" | "address") => {
    if (bound === "socket") metrics.refused("subscriptions_per_socket"); // a client's refusal was counted by takeClientSlot
  };
  const batches = boundedBatches(limits.callsPerFrame, metrics);
  const encoder = frames === "shared" ? sharedFrames(batches) : batches;

  // The adapter's handler built per connection: its encoder, the only place that sees both directions of one
  // connection's frames, carries that connection's state (deliverEarlyStops). Everything a connection holds is held
  // for as long as a diner watches, so it is kept to what the connection needs (docs/adr/0031).
  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    keepAlive.watch(ws);
    ws.on("error", countFrameRefusal);
    const budgets = budgetsOf(req).subscriptions;
    // Closures made here are unnamed (an argument, a method): tsx (esbuild's keepNames) gives every named one a
    // `name` property, which costs each a dictionary of its own for as long as the connection lives.
    const subscriptions = new SubscriptionSlots(limits.subscriptionsPerSocket, () => takeClientSlot(budgets), countSocketRefusal);
    // A literal of one shape (not a spread of shared options): V8 gave each spread copy a hidden class of its own.
    // tRPC keeps the request for as long as the connection lives and reads its URL and headers: it is handed only
    // the request's head, so the IncomingMessage goes once the connection is set up.
    getWSConnectionHandler({
      wss,
      router: appRouter,
      onError: onSocketError,
      createContext({ req }) {
        return createContext({ req, subscriptions });
      },
      experimental_encoder: deliverEarlyStops(ws, acceptingDirectDelivery(ws, encoder)),
    })(ws, requestHead(req) as IncomingMessage);
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

  /**
   * The TCP socket closes once, and last: whether the upgrade failed, the WebSocket closed or it was cut off. Its own
   * function, so that its listener keeps the budgets alone and not the upgrade request beside them.
   */
  function countUntilClosed(socket: Duplex, budgets: Budget[]) {
    socket.on("close", () => sockets.release(budgets));
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
    countUntilClosed(socket, budgets);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
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
 * (a client that does not read will not read the close frame either). The server's WebSocket class, so that no
 * socket carries a wrapper of its own.
 */
function droppedWhenTooFarBehind(maxBuffered: number, metrics: SocketLimitMetrics): typeof WebSocket {
  return class BoundedWebSocket extends WebSocket {
    private dropped = false;

    override send(data: unknown, optionsOrCallback?: unknown, callback?: (error?: Error) => void): void {
      if (this.dropped) return;
      if (this.bufferedAmount > maxBuffered) {
        this.dropped = true;
        metrics.refused("buffered_bytes");
        this.close(TOO_SLOW, "too far behind");
        setTimeout(() => this.terminate(), 1_000).unref();
        return;
      }
      const cb = typeof optionsOrCallback === "function" ? (optionsOrCallback as (error?: Error) => void) : callback;
      super.send(data as Buffer | string, TEXT, cb);
    }
  };
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
