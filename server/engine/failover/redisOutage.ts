/**
 * Whether an error means Redis itself is unreachable or unwell (switch engines), as opposed to a bug or a
 * Postgres failure inside the Redis engine's path (which switching would not cure). ioredis reports a lost
 * connection, a missing one (no offline queue) and a reply deadline as plain errors with these messages.
 */
const OUTAGE = [
  /Connection is closed/i,
  /Stream isn't writeable/i,
  /Command timed out/i,
  /Reached the max retries per request limit/i,
  /\b(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)\b/,
  /^(LOADING|MASTERDOWN|CLUSTERDOWN|READONLY|BUSY|TRYAGAIN)\b/,
  // Redis Cluster, as ioredis reports a failover in progress (docs/adr/0024).
  /^Too many Cluster redirections/,
  /^Cluster isn't ready/,
  /^Failed to refresh slots cache/,
  /^No subscriber for the cluster/,
];

export function isRedisOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "MaxRetriesPerRequestError") return true;
  const code = (error as { code?: unknown }).code;
  return OUTAGE.some((pattern) => pattern.test(error.message) || (typeof code === "string" && pattern.test(code)));
}
