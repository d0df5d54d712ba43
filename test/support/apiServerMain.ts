/**
 * A server process without pages, for tests that need real separate processes (fan-out across processes,
 * crashes, restarts). Configured by env like the real server; prints `listening <port>` when ready.
 */
import type { AddressInfo } from "node:net";
import { readEnv } from "../../server/env";
import { createAppServer } from "../../server/http/createServer";
import { createLog } from "../../server/infra/log";
import { limitRules } from "../../server/limits/rules";
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
});
const { server } = createAppServer(services);
server.listen(env.PORT, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void services.close().then(() => process.exit(0)));
});
