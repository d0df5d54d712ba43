import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * This process's Prometheus registry, served at `/metrics`: prom-client's default process and Node.js metrics
 * (CPU, memory, file descriptors, GC, event-loop lag: what the WebSocket fan-out needs watched most) and the
 * product's own `tableside_*` metrics (votingMetrics.ts, sockets.ts). One registry per Services instance, not
 * prom-client's global one, so tests that start several servers in one process keep their figures apart.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export type { Registry as MetricsRegistry } from "prom-client";
