/**
 * Bounds on what one client may hold open on the live channel (issue 13): a page needs one socket and one or two
 * subscriptions, and nothing else should be able to make the server hold memory for it. A restaurant's diners
 * share one Wi-Fi address and every diner's phone holds live results after voting (issue 18), so a socket that
 * carries a valid voter cookie is bounded per voter, under a much higher ceiling for all voters of one address;
 * a socket without one (a TV, an owner's page, a script) per address (docs/adr/0019). Each is configurable
 * (server/env.ts, docs/operations.md for venues); hits are counted in /metrics.
 */
export type SocketLimits = {
  /** Open WebSockets without a voter identity per client address (IPv6: per /64). Further upgrades are answered 429. */
  socketsPerAddress: number;
  /** Live subscriptions at once on one socket. Further ones are answered TOO_MANY_REQUESTS. */
  subscriptionsPerSocket: number;
  /** Live subscriptions at once on sockets without a voter identity from one address: what their fan-out may cost the others. */
  subscriptionsPerAddress: number;
  /** Open WebSockets of one voter identity (a phone with a few tabs). */
  socketsPerVoter: number;
  /** Live subscriptions at once of one voter identity. */
  subscriptionsPerVoter: number;
  /** Open WebSockets of all voter identities behind one address together: a dining room on one Wi-Fi. */
  voterSocketsPerAddress: number;
  /** Live subscriptions at once of all voter identities behind one address together. */
  voterSubscriptionsPerAddress: number;
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
  socketsPerVoter: 4,
  subscriptionsPerVoter: 8,
  voterSocketsPerAddress: 2_000,
  voterSubscriptionsPerAddress: 2_500,
  callsPerFrame: 10,
  frameBytes: 16 * 1024,
  bufferedBytesPerSocket: 256 * 1024,
};

/** No practical bound: for tests and benchmarks about something else (hundreds of sockets from 127.0.0.1). */
export const UNBOUNDED_SOCKETS: SocketLimits = {
  socketsPerAddress: 1_000_000,
  subscriptionsPerSocket: 1_000_000,
  subscriptionsPerAddress: 1_000_000,
  socketsPerVoter: 1_000_000,
  subscriptionsPerVoter: 1_000_000,
  voterSocketsPerAddress: 1_000_000,
  voterSubscriptionsPerAddress: 1_000_000,
  callsPerFrame: 1_000,
  frameBytes: 64 * 1024,
  bufferedBytesPerSocket: 64 * 1024 * 1024,
};
