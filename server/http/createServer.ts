import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { appRouter } from "../routers/appRouter";
import type { Services } from "../services";
import { type Context, createContextFactory } from "../trpc/context";
import { addressKey, clientIp } from "../trpc/clientIp";
import { servedOverHttps } from "../trpc/cookies";
import { errorIdOf, isUnexpected } from "../trpc/unexpectedErrors";
import { healthRoutes } from "./health";
import { createLiveSocket, type LiveFrames, refuseUpgrade } from "./liveSocket";
import { refuseMutation } from "./mutationGuard";
import { createMutationHandler } from "./trpcMutationHandler";
import { formVoteSlug, handleFormVote } from "./formVote";

export const TRPC_PATH = "/api/trpc";
const MAX_BODY = 64 * 1024;

/**
 * Next.js's handlers, when pages are served by this process (tests of the API alone run without them).
 * `answersUpgrade`: the upgrades Next.js answers itself. On the first page request Next attaches an 'upgrade'
 * listener of its own to this server (next/dist/server/next.js, setupWebSocketHandler); in development it
 * serves hot reload under /_next/. Those are left to it: a second answer on the socket would corrupt the handshake.
 */
export type PageHandlers = {
  handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void>;
  answersUpgrade?(path: string): boolean;
};

export type TrpcHandlers = {
  createContext: ReturnType<typeof createContextFactory>;
  /** Logs an unexpected failure with its stack (the WebSocket's calls too). */
  onError(opts: { error: TRPCError; path?: string; ctx?: Context }): void;
  /** tRPC's standalone adapter: queries, batches, streaming, and any mutation the fast path does not take. */
  http: ReturnType<typeof createHTTPHandler>;
  /** Single mutations (a vote, above all) straight on node:http: docs/adr/0007. Null: everything through `http`. */
  mutations: ReturnType<typeof createMutationHandler<Context>> | null;
  /** How a live update's frames are built for the sockets (liveSocket.ts); "perSocket" only as a measurement's baseline. */
  liveFrames: LiveFrames;
};

/**
 * The tRPC handlers of the app server, as production builds them. A measurement that wants tRPC's standalone
 * adapter alone (the baseline of ADR 0007) passes `{ ...createTrpcHandlers(services), mutations: null }`; one that
 * wants every socket's frame serialised on its own (the baseline of ADR 0031), `liveFrames: "perSocket"`.
 */
export function createTrpcHandlers(services: Services): TrpcHandlers {
  const createContext = createContextFactory(services);
  const onError = unexpectedErrorLogger(services);
  return {
    createContext,
    onError,
    http: createHTTPHandler({ router: appRouter, basePath: `${TRPC_PATH}/`, createContext, maxBodySize: MAX_BODY, onError }),
    mutations: createMutationHandler({ router: appRouter, createContext, maxBodySize: MAX_BODY, onError }),
    liveFrames: "shared",
  };
}

/**
 * An unexpected failure is logged with its stack under the error id its client is shown (trpc/unexpectedErrors.ts);
 * the client gets the id and a generic message, never the error's own text.
 */
function unexpectedErrorLogger(services: Services) {
  return ({ error, path, ctx }: { error: TRPCError; path?: string; ctx?: Context }) => {
    if (!isUnexpected(error)) return;
    services.log.error("unexpected error", { errorId: errorIdOf(error), requestId: ctx?.requestId, path, err: error.cause ?? error });
  };
}

/**
 * One HTTP server for everything: tRPC over HTTP and WebSocket under /api/trpc, health probes, and the pages.
 * Upgrades are routed by path, so Next's own upgrade handling (hot reload in development) keeps working.
 */
export function createAppServer(services: Services, pages?: PageHandlers, trpc: TrpcHandlers = createTrpcHandlers(services)) {
  const health = healthRoutes(services);

  const server: Server = createServer((req, res) => {
    const path = req.url?.split("?", 1)[0] ?? "/";
    // Served over HTTPS: browsers are told to come back over HTTPS only, for a year (ignored over plain HTTP).
    if (servedOverHttps(req, services.publicUrl, services.trustProxy)) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (path.startsWith(`${TRPC_PATH}/`)) {
      const refusal = refuseMutation(req, services.publicUrl) ?? refuseSubscription(path.slice(TRPC_PATH.length + 1));
      if (refusal) return sendJson(res, refusal.status, { error: refusal.message });
      const mutation = trpc.mutations?.procedureFor(req, `${TRPC_PATH}/`);
      if (mutation) return trpc.mutations!.handle(req, res, mutation);
      return trpc.http(req, res);
    }
    const healthRoute = health[path];
    if (healthRoute) return void healthRoute(req, res);
    const formVote = formVoteSlug(path);
    if (formVote !== null) return handleFormVote(req, res, formVote, services.publicUrl, trpc);
    if (pages) return void pages.handleRequest(req, res);
    sendJson(res, 404, { error: "not found" });
  });

  const { wss, wsHandler, handleUpgrade } = createLiveSocket(services, trpc.createContext, trpc.onError, trpc.liveFrames);

  // Every upgrade is answered: tRPC's path here, hot reload's (development) by Next.js, anything else 404.
  server.on("upgrade", (req, socket, head) => {
    const path = req.url?.split("?", 1)[0];
    if (path === TRPC_PATH) handleUpgrade(req, socket, head);
    else if (path && pages?.answersUpgrade?.(path)) return;
    else {
      services.socketMetrics.refused("path");
      refuseUpgrade(socket, 404, "no WebSocket here");
    }
  });

  return { server, wss, wsHandler };
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;

/** Subscriptions are served over the WebSocket only (trpc/init.ts, `subscriptionProcedure`): refused here before any stream starts. */
function refuseSubscription(names: string): { status: number; message: string } | null {
  const subscribes = decodeURIComponentSafe(names).split(",").some((name) => Object.hasOwn(procedures, name) && procedures[name]?._def.type === "subscription");
  return subscribes ? { status: 405, message: "subscriptions are served over the WebSocket only" } : null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
