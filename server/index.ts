import path from "node:path";
import next from "next";
import { readEnv, socketLimitsOf } from "./env";
import { createAppServer } from "./http/createServer";
import { withPrecompressedStatic } from "./http/precompressedStatic";
import { startBackingServices } from "./infra/backingServices";
import { readBuildId } from "./infra/buildId";
import { lanOrigin } from "./infra/lanAddress";
import { createLog } from "./infra/log";
import { createSmtpMailer } from "./infra/mail";
import { limitRules } from "./limits/rules";
import { loadSessionSecret } from "./infra/sessionSecret";
import { createServices } from "./services";
import { countOpenSockets } from "./metrics/sockets";
import { shutDownGracefully } from "./gracefulShutdown";

/*
 * The one process: Next.js pages, tRPC over HTTP and WebSocket, on one port.
 * 1. configuration, 2. Postgres and Redis (embedded/private when not configured), 3. services, 4. pages, 5. listen,
 * 6. graceful shutdown (gracefulShutdown.ts: stop taking votes and drain, screens reconnect, close, exit 0).
 */
const env = readEnv();
const log = createLog(env.LOG_LEVEL);
const dev = env.NODE_ENV !== "production";

// A start that cannot reach or use its stores says why in one log line and exits 1 (a supervisor retries).
const started = await startBackingServices(env, log)
  .then(async (backing) => ({
    backing,
    services: await createServices({
      databaseUrl: backing.databaseUrl,
      directDatabaseUrl: backing.directDatabaseUrl,
      databasePoolSize: env.DATABASE_POOL_SIZE,
      redisUrl: backing.redisUrl,
      sessionSecret: await loadSessionSecret(env.SESSION_SECRET, env.DATA_DIR),
      publicUrl: env.PUBLIC_URL,
      lanUrl: env.PUBLIC_URL ? null : lanOrigin(env.HOST, env.PORT),
      mailer: env.SMTP_URL && env.MAIL_FROM ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : null,
      log,
      limits: limitRules(env.RATE_LIMITS),
      trustProxy: env.TRUST_PROXY,
      socketLimits: socketLimitsOf(env),
      voterCookieMaxAgeDays: env.VOTER_COOKIE_MAX_AGE_DAYS,
      metricsToken: env.METRICS_TOKEN,
      buildId: readBuildId(process.cwd(), dev),
    }),
  }))
  .catch((error: unknown) => {
    log.error(`cannot start: ${error instanceof Error ? error.message : "unknown error"}`, { err: error });
    process.exit(1);
  });
const { backing, services } = started;

const nextApp = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
await nextApp.prepare();
const { server, wss, wsHandler } = createAppServer(services, {
  handleRequest: dev ? nextApp.getRequestHandler() : withPrecompressedStatic(nextApp.getRequestHandler(), path.join(process.cwd(), ".next", "static")),
  answersUpgrade: dev ? (path) => path.startsWith("/_next/") : undefined,
});
countOpenSockets(services.metrics, wss);

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  log.info("listening", { port, url: env.PUBLIC_URL ?? `http://localhost:${port}`, mode: dev ? "development" : "production" });
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  try {
    await shutDownGracefully({
      services,
      server,
      wss,
      wsHandler,
      drainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS,
      stopRest: async () => {
        await nextApp.close().catch(() => {});
        await backing.stop();
      },
    });
    log.info("stopped");
    process.exit(0);
  } catch (error) {
    log.error("shutdown failed", { err: error });
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
