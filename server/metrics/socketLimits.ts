import { Counter, Gauge, type Registry } from "prom-client";

/** Why the live channel turned something away: one label value per bound (server/limits/socketLimits.ts). */
export type SocketRefusal =
  | "origin"
  | "path"
  | "sockets_per_address"
  | "sockets_per_voter"
  | "voter_sockets_per_address"
  | "subscriptions_per_socket"
  | "subscriptions_per_address"
  | "subscriptions_per_voter"
  | "voter_subscriptions_per_address"
  | "calls_per_frame"
  | "frame_bytes"
  | "buffered_bytes";

export type SocketLimitMetrics = { refused(reason: SocketRefusal): void };

/**
 * `tableside_socket_refusals_total{reason}`: upgrades, frames, subscriptions and slow consumers refused or dropped;
 * `tableside_live_subscriptions`: subscriptions open now (read at scrape time from `openSubscriptions`).
 */
export function createSocketLimitMetrics(registry: Registry, openSubscriptions: () => number): SocketLimitMetrics {
  const refusals = new Counter({
    name: "tableside_socket_refusals_total",
    help: "WebSocket upgrades, frames and subscriptions refused, and slow consumers dropped, by the bound they hit.",
    labelNames: ["reason"],
    registers: [registry],
  });
  new Gauge({
    name: "tableside_live_subscriptions",
    help: "Live-results subscriptions open on this process.",
    registers: [registry],
    collect() {
      this.set(openSubscriptions());
    },
  });
  return { refused: (reason) => refusals.inc({ reason }) };
}
