import type { Server } from "node:http";
import type { WebSocketServer } from "ws";
import type { Services } from "./services";

export type ShutdownParts = {
  services: Services;
  server: Server;
  wss: WebSocketServer;
  /** tRPC's WebSocket handler: tells its clients to reconnect (applyWSSHandler's return value). */
  wsHandler: { broadcastReconnectNotification(): void };
  /** Whatever else the process runs (Next, embedded backing services), stopped last. */
  stopRest?: () => Promise<void>;
  /** Time for in-flight HTTP requests to finish before their connections are cut. */
  graceMs?: number;
  /** Step 0's wait: not ready, still voting (SHUTDOWN_DRAIN_DELAY_MS). */
  drainDelayMs?: number;
};

/**
 * SIGTERM (docs/adr/0006): the order is what makes "nothing accepted is lost" hold, and a rolling restart smooth.
 * 0. /api/ready turns 503 while votes are still taken, for drainDelayMs: the balancer's health checks notice and
 *    send new diners elsewhere before this process refuses anyone.
 * 1. Stop taking votes and drain: the gate refuses new votes (SERVICE_UNAVAILABLE: the diner's page tries again,
 *    through the balancer, elsewhere), votes in flight are answered and committed, the ballot ledger and the
 *    flusher are drained, a final tally snapshot is taken.
 * 2. Screens are told to reconnect (to another server, or to this one once it is back): tRPC's reconnect
 *    notification, then close code 1012 "service restart".
 * 3. The HTTP server stops accepting and its idle connections close; busy ones get graceMs.
 * 4. Services close (Redis, Postgres, LISTEN connection), then the rest.
 */
export async function shutDownGracefully({ services, server, wss, wsHandler, stopRest, graceMs = 5_000, drainDelayMs = 0 }: ShutdownParts): Promise<void> {
  const { log } = services;
  services.readiness.stopping = true;
  if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
  const drained = await withDeadline(services.drain(), 25_000);
  if (!drained) log.warn("shutdown: voting did not drain in 25 s; what the streams hold is flushed by the other processes or the next start");

  wsHandler.broadcastReconnectNotification();
  for (const socket of wss.clients) socket.close(1012, "server restarting");

  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await withDeadline(closed, graceMs);
  server.closeAllConnections();
  for (const socket of wss.clients) socket.terminate();

  await services.close();
  await stopRest?.();
}

async function withDeadline(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
