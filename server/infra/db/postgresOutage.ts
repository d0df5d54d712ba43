/**
 * Whether an error means Postgres itself is unreachable, restarting or not answering in time (the request may be
 * tried again once it is back), as opposed to a bug or a refused statement. Prisma reports these with its
 * connection codes or as a raw query's failure carrying the driver adapter's error; the `pg` driver with Node's
 * socket codes, Postgres's own SQLSTATEs (shutdown, starting up, connection failures, too many connections) or
 * its timeouts. The error and everything it wraps are looked at.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SQLSTATE = /^(57P0[1-3]|08[0-9A-Z]{3}|53300)$/;
const SOCKET_CODES = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)$/;
const MESSAGES = [
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to administrator command/i,
  /Client has encountered a connection error and is not queryable/i,
  /Operation has timed out/i,
];

export function isPostgresOutage(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause, meta, originalCode, kind } = error as Record<string, unknown>;
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATE.test(code) || SOCKET_CODES.test(code))) return true;
  if (typeof originalCode === "string" && SQLSTATE.test(originalCode)) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if ((error as Error).name === "PrismaClientInitializationError") return true;
  if (typeof message === "string" && MESSAGES.some((pattern) => pattern.test(message))) return true;
  const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return isPostgresOutage(adapterError, depth + 1) || isPostgresOutage(cause, depth + 1);
}
