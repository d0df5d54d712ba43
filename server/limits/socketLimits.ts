/**
 * Bounds on what one client may hold open on the live channel (issue 13): a page needs one socket and one or two
 * subscriptions, a restaurant's diners share one Wi-Fi address, and nothing else should be able to make the server
 * hold memory for it. Each is configurable (server/env.ts, README "Configuration"); hits are counted in /metrics.
 */
export type SocketLimits = {
  /** Open WebSockets per client address (IPv6: per /64). Further upgrades are answered 429. */
  socketsPerAddress: number;
  /** Live subscriptions at once on one socket. Further ones are answered TOO_MANY_REQUESTS. */
  subscriptionsPerSocket: number;
  /** Live subscriptions at once from one address, over all its sockets: what its fan-out may cost the others. */
  subscriptionsPerAddress: number;
  /** Calls in one batched frame (a JSON array). A longer array is refused whole. */
  callsPerFrame: number;
  /** Bytes in one frame; a larger frame closes the socket (1009). */
  frameBytes: number;
  /** Bytes the server holds unsent for one socket; a consumer this far behind is dropped (close 1013). */
  bufferedBytesPerSocket: number;
};

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  socketsPerAddress: 200,
  subscriptionsPerSocket: 4,
  subscriptionsPerAddress: 250,
  callsPerFrame: 10,
  frameBytes: 16 * 1024,
  bufferedBytesPerSocket: 256 * 1024,
};

/** No practical bound: for tests and benchmarks about something else (hundreds of sockets from 127.0.0.1). */
export const UNBOUNDED_SOCKETS: SocketLimits = {
  socketsPerAddress: 1_000_000,
  subscriptionsPerSocket: 1_000_000,
  subscriptionsPerAddress: 1_000_000,
  callsPerFrame: 1_000,
  frameBytes: 64 * 1024,
  bufferedBytesPerSocket: 64 * 1024 * 1024,
};
