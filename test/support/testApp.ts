import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, inject } from "vitest";
import type { VoterBloomPrecheck } from "../../server/engine/redis/bloomPrecheck";
import { createRedisVoting } from "../../server/engine/voting/redisVoting";
import { type LimitRules, UNLIMITED } from "../../server/limits/rules";
import { createAppServer } from "../../server/http/createServer";
import { findFreePort } from "../../server/infra/freePort";
import { createLog } from "../../server/infra/log";
import { createSmtpMailer } from "../../server/infra/mail";
import { type SocketLimits, UNBOUNDED_SOCKETS } from "../../server/limits/socketLimits";
import { createServices, type Services, type ServicesConfig } from "../../server/services";
import { Browser } from "./browser";
import { testStores } from "./workerStores";

export type EngineName = "redis" | "postgres";

export type TestApp = {
  url: string;
  services: Services;
  /** A new browser: its own cookie jar, so its own voter identity or owner session; optionally from another address. */
  browser(fromAddress?: string): Browser;
  stop(): Promise<void>;
};

/**
 * The real server (tRPC over HTTP and WebSocket) on a free port, against the run's throwaway Postgres and Redis.
 * Rate limits and socket bounds are off unless a test sets them: most tests vote thousands of times from one
 * address. `services`: further production configuration (TRUST_PROXY, cookie age, metrics token…). `precheck`:
 * the Redis engine with this Bloom pre-check (off in production unless configured, docs/adr/0002).
 */
export async function startTestApp(
  engine: EngineName,
  options: { precheck?: VoterBloomPrecheck; limits?: LimitRules; smtpUrl?: string; socketLimits?: SocketLimits; services?: Partial<ServicesConfig> } = {},
): Promise<TestApp> {
  const { precheck } = options;
  // With mail, links in e-mails point at PUBLIC_URL (never at a request's Host), so the port is chosen up front.
  const port = options.smtpUrl ? await findFreePort() : 0;
  const services = await createServices(
    {
      databaseUrl: testStores().databaseUrl,
      directDatabaseUrl: inject("directDatabaseUrl"), // set when databaseUrl goes through a pooler (npm run topology)
      redisUrl: engine === "redis" ? testStores().redisUrl : null,
      sessionSecret: "test-session-secret-0123456789-abcdefghij",
      publicUrl: options.smtpUrl ? `http://127.0.0.1:${port}` : undefined,
      mailer: options.smtpUrl ? createSmtpMailer(options.smtpUrl, "Tableside <no-reply@tableside.test>") : null,
      log: createLog("warn"),
      limits: options.limits ?? UNLIMITED,
      socketLimits: options.socketLimits ?? UNBOUNDED_SOCKETS,
      ...options.services,
    },
    precheck ? { voting: (parts) => createRedisVoting(parts, { precheck }) } : {},
  );
  const { server, wss } = createAppServer(services);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    services,
    browser: (fromAddress?: string) => new Browser(url, fromAddress),
    async stop() {
      for (const socket of wss.clients) socket.terminate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await services.close();
    },
  };
}

/**
 * The test app for one test file: started before its tests, stopped after. Returns a handle that forwards to the
 * running app, so tests read `app.browser()` as if they had started it themselves.
 */
export function useTestApp(engine: EngineName, options: Parameters<typeof startTestApp>[1] = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(engine, options);
  });
  afterAll(() => started?.stop());
  const running = () => {
    if (!started) throw new Error("the test app starts in beforeAll: use it inside tests or hooks");
    return started;
  };
  return {
    get url() {
      return running().url;
    },
    get services() {
      return running().services;
    },
    browser: (fromAddress) => running().browser(fromAddress),
    stop: () => running().stop(),
  };
}
