import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const START_TIMEOUT_MS = 120_000;

/**
 * The real server (server/index.ts) as a child process on a fixed port with its own data folder: with no
 * DATABASE_URL or REDIS_URL it starts an embedded Postgres and a private Redis there. `restart()` stops it with
 * SIGTERM (its graceful shutdown) and starts it again on the same port with the same data, as a deploy would.
 */
export class AppServer {
  private child: ChildProcess | null = null;
  private output = "";

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly extraEnv: Record<string, string>,
  ) {}

  /** `env`: configuration beyond the zero-configuration start, given the server's own URL (e.g. PUBLIC_URL and SMTP). */
  static async start(env: (url: string) => Record<string, string> = () => ({})): Promise<AppServer> {
    const port = await freePort();
    const server = new AppServer(port, await mkdtemp(path.join(os.tmpdir(), "tableside-e2e-")), env(`http://127.0.0.1:${port}`));
    await server.start();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const dev = process.env.E2E_DEV === "1";
    this.output = "";
    // Nothing configured: the server brings its own Postgres and Redis into the data folder.
    const { DATABASE_URL, REDIS_URL, PUBLIC_URL, SESSION_SECRET, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: ROOT,
      env: {
        ...inherited,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATA_DIR: this.dataDir,
        NODE_ENV: dev ? "development" : "production",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        SHUTDOWN_DRAIN_DELAY_MS: "1000", // a short one: every stop of a journey waits it out
        ...this.extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.child = child;
    await this.waitUntilHealthy(child);
  }

  /** SIGTERM and wait for the process to exit (its graceful shutdown stops Postgres and Redis too). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timeout = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timeout);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true }).catch(() => {});
  }

  private async waitUntilHealthy(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} while starting:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`server not healthy after ${START_TIMEOUT_MS} ms:\n${this.output}`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
