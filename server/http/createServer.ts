import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";
import type { Services } from "../services";
import { appRouter } from "../trpc/appRouter";
import { createContextFactory } from "../trpc/context";
import { healthRoutes } from "./health";
import { refuseMutation } from "./mutationGuard";
import { createMutationHandler } from "./trpcMutationHandler";

export const TRPC_PATH = "/api/trpc";

/** Next.js's handlers, when pages are served by this process (tests of the API alone run without them). */
export type PageHandlers = {
  handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void>;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
};

/**
 * One HTTP server for everything: tRPC over HTTP and WebSocket under /api/trpc, health probes, and the pages.
 * Upgrades are routed by path, so Next's own upgrade handling (hot reload in development) keeps working.
 */
export function createAppServer(services: Services, pages?: PageHandlers, options: { mutationFastPath?: boolean } = {}) {
  const createContext = createContextFactory(services);
  const onError = ({ error, path }: { error: { code: string; cause?: unknown }; path?: string }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") services.log.error("trpc error", { path, error: String(error.cause ?? error) });
  };
  const trpcHttp = createHTTPHandler({ router: appRouter, basePath: `${TRPC_PATH}/`, createContext, maxBodySize: 64 * 1024, onError });
  // Single mutations (a vote, above all) skip the adapter's Fetch Request/Response round trip: docs/adr/0007.
  const trpcMutations = createMutationHandler({ router: appRouter, createContext, maxBodySize: 64 * 1024, onError });
  const health = healthRoutes(services);

  const server: Server = createServer((req, res) => {
    const path = req.url?.split("?", 1)[0] ?? "/";
    if (path.startsWith(`${TRPC_PATH}/`)) {
      const refusal = refuseMutation(req, services.publicUrl);
      if (refusal) return sendJson(res, refusal.status, { error: refusal.message });
      const mutation = options.mutationFastPath === false ? null : trpcMutations.procedureFor(req, `${TRPC_PATH}/`);
      if (mutation) return trpcMutations.handle(req, res, mutation);
      return trpcHttp(req, res);
    }
    const healthRoute = health[path];
    if (healthRoute) return void healthRoute(req, res);
    if (pages) return void pages.handleRequest(req, res);
    sendJson(res, 404, { error: "not found" });
  });

  // perMessageDeflate off: compressing each small tally frame once per socket collapses fan-out at 1,000 screens.
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  const wsHandler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: ({ req }) => createContext({ req }),
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
