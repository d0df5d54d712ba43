/**
 * A server process without pages, for tests that need real separate processes (fan-out across processes,
 * crashes, restarts). Configured by env like the real server, plus VOTE_ACK=redis (test-only, read here and not
 * by server/env.ts: the Redis engine answers votes before Postgres has them, so the stream flusher does all the
 * work). Prints `listening <port>` when ready, and shuts down on SIGTERM exactly as server/index.ts does.
 */
import type { AddressInfo } from "node:net";
import { readEnv, socketLimitsOf } from "../../server/env";
import { createAppServer } from "../../server/http/createServer";
import { createLog } from "../../server/infra/log";
import { limitRules } from "../../server/limits/rules";
import { countOpenSockets } from "../../server/metrics/sockets";
import { shutDownGracefully } from "../../server/gracefulShutdown";
import { createRedisVoting } from "../../server/engine/voting/redisVoting";
import { createServices } from "../../server/services";

const env = readEnv();
if (!env.DATABASE_URL || !env.SESSION_SECRET) throw new Error("DATABASE_URL and SESSION_SECRET are required");
const services = await createServices({
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.VOTE_ENGINE === "postgres" ? null : (env.REDIS_URL ?? null),
  sessionSecret: env.SESSION_SECRET,
  log: createLog(env.LOG_LEVEL),
  limits: limitRules(env.RATE_LIMITS),
  trustProxy: env.TRUST_PROXY,
  socketLimits: socketLimitsOf(env),
  voterCookieMaxAgeDays: env.VOTER_COOKIE_MAX_AGE_DAYS,
  metricsToken: env.METRICS_TOKEN,
}, process.env.VOTE_ACK === "redis" ? { voting: (parts) => createRedisVoting(parts, { ack: "redis" }) } : {});
const { server, wss, wsHandler } = createAppServer(services);
countOpenSockets(services.metrics, wss);
server.listen(env.PORT, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
// The real server's shutdown (server/gracefulShutdown.ts), so tests of SIGTERM test what production does.
process.on("SIGTERM", () => {
  shutDownGracefully({ services, server, wss, wsHandler, drainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS }).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`shutdown failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
});
