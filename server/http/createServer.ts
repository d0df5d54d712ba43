import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";
import { appRouter } from "../routers/appRouter";
import type { Services } from "../services";
import { type Context, createContextFactory } from "../trpc/context";
import { errorIdOf, isUnexpected } from "../trpc/unexpectedErrors";
import { healthRoutes } from "./health";
import { refuseMutation } from "./mutationGuard";
import { createMutationHandler } from "./trpcMutationHandler";

export const TRPC_PATH = "/api/trpc";
const MAX_BODY = 64 * 1024;

/** Next.js's handlers, when pages are served by this process (tests of the API alone run without them). */
export type PageHandlers = {
  handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void>;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
};

export type TrpcHandlers = {
  createContext: ReturnType<typeof createContextFactory>;
  /** tRPC's standalone adapter: queries, batches, streaming, and any mutation the fast path does not take. */
  http: ReturnType<typeof createHTTPHandler>;
  /** Single mutations (a vote, above all) straight on node:http: docs/adr/0007. Null: everything through `http`. */
  mutations: ReturnType<typeof createMutationHandler<Context>> | null;
};

/**
 * The tRPC handlers of the app server, as production builds them. A measurement that wants tRPC's standalone
 * adapter alone (the baseline of ADR 0007) passes `{ ...createTrpcHandlers(services), mutations: null }`.
 */
export function createTrpcHandlers(services: Services): TrpcHandlers {
  const createContext = createContextFactory(services);
  const onError = unexpectedErrorLogger(services);
  return {
    createContext,
    http: createHTTPHandler({ router: appRouter, basePath: `${TRPC_PATH}/`, createContext, maxBodySize: MAX_BODY, onError }),
    mutations: createMutationHandler({ router: appRouter, createContext, maxBodySize: MAX_BODY, onError }),
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
    if (path.startsWith(`${TRPC_PATH}/`)) {
      const refusal = refuseMutation(req, services.publicUrl);
      if (refusal) return sendJson(res, refusal.status, { error: refusal.message });
      const mutation = trpc.mutations?.procedureFor(req, `${TRPC_PATH}/`);
      if (mutation) return trpc.mutations!.handle(req, res, mutation);
      return trpc.http(req, res);
    }
    const healthRoute = health[path];
    if (healthRoute) return void healthRoute(req, res);
    if (pages) return void pages.handleRequest(req, res);
    sendJson(res, 404, { error: "not found" });
  });

  // perMessageDeflate off: compressing each small tally frame once per socket collapses a large fan-out (ADR 0008).
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: MAX_BODY });
  const wsHandler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: ({ req }) => trpc.createContext({ req }),
    onError: unexpectedErrorLogger(services),
    keepAlive: { enabled: true, pingMs: 20_000, pongWaitMs: 5_000 },
  });

  server.on("upgrade", (req, socket, head) => {
    const path = req.url?.split("?", 1)[0];
    if (path === TRPC_PATH) wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    else if (pages) void pages.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  return { server, wss, wsHandler };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
