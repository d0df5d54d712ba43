import { Gauge, type Registry } from "prom-client";
import type { WebSocketServer } from "ws";

/** `tableside_open_sockets`: the live-results WebSockets this process holds open (screens and diners' pages). */
export function countOpenSockets(registry: Registry, wss: WebSocketServer): void {
  new Gauge({
    name: "tableside_open_sockets",
    help: "WebSocket connections open on this process.",
    registers: [registry],
    collect() {
      this.set(wss.clients.size);
    },
  });
}
