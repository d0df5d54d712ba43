import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { UNLIMITED } from "../../server/limits/rules";
import { Browser } from "./browser";
import { listeningPort, stopChild } from "./childServer";
import { productionCommand } from "./productionCommand";
import type { EngineName } from "./testApp";
import { testStores } from "./workerStores";

const MAIN = fileURLToPath(new URL("./apiServerMain.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TEST_SESSION_SECRET = "test-session-secret-0123456789-abcdefghij";

export type ServerProcess = { url: string; port: number; child: ChildProcess; browser(fromAddress?: string): Browser; stop(signal?: NodeJS.Signals): Promise<number | null> };

export type ServerProcessOptions = {
  port?: number;
  env?: Record<string, string>;
  /**
   * The production server as `npm run start:prod` (and the container) starts it: Next's pages too, serving the last
   * `next build`. Default: the API server alone (test/support/apiServerMain.ts), the same services without pages.
   */
  production?: boolean;
};

/** Starts a server as a separate OS process against the run's Postgres and Redis. */
export async function startServerProcess(engine: EngineName, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  // node itself with tsx's loader, not the tsx binary: tsx runs the script in a child of its own, so a SIGKILL
  // sent to the tsx process would leave the server running (a crash test would test nothing).
  const production = options.production ? productionCommand() : null;
  const [command, ...args] = production ? production.argv : ["node", "--import", "tsx", MAIN];
  const child = spawn(command === "node" ? process.execPath : command!, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...production?.env,
      DATABASE_URL: testStores().databaseUrl,
      REDIS_URL: testStores().redisUrl,
      VOTE_ENGINE: engine,
      SESSION_SECRET: TEST_SESSION_SECRET,
      PORT: String(options.port ?? 0),
      LOG_LEVEL: production ? "info" : "warn", // the production server says where it listens in an info line
      RATE_LIMITS: JSON.stringify(UNLIMITED), // tests about limits set their own
      SHUTDOWN_DRAIN_DELAY_MS: "0", // the rolling-restart test sets its own

      ...options.env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await listeningPort(child, "server process");
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    child,
    browser: (fromAddress?: string) => new Browser(url, fromAddress),
    stop: (signal = "SIGTERM") => stopChild(child, signal),
  };
}

/**
 * Two server processes on the run's Postgres and Redis for the tests of one `describe`, started before its tests and
 * stopped after them: what one process does must reach the other's subscribers.
 */
export function twoServerProcesses(engine: EngineName): { a: ServerProcess; b: ServerProcess } {
  const pair = {} as { a: ServerProcess; b: ServerProcess };
  beforeAll(async () => {
    [pair.a, pair.b] = await Promise.all([startServerProcess(engine), startServerProcess(engine)]);
  });
  afterAll(async () => {
    await Promise.all([pair.a?.stop(), pair.b?.stop()]);
  });
  return pair;
}
