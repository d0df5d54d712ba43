import type { WebSocketServer } from "ws";
import type { MetricsRegistry } from "./registry";

/** `tableside_open_sockets`: the live-results WebSockets this process holds open (screens and diners' pages). */
export function countOpenSockets(metrics: MetricsRegistry, wss: WebSocketServer): void {
  metrics.gauge("tableside_open_sockets", "WebSocket connections open on this process.", () => [{ value: wss.clients.size }]);
}
