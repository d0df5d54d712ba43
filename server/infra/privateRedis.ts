import { mkdir } from "node:fs/promises";
import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Redis } from "ioredis";
import { findFreePort } from "./freePort";

export interface PrivateRedisHandle {
  redisUrl: string;
  /** The redis-server process (failure tests stop and continue it). */
  pid: number;
  stop(): Promise<void>;
}

/** `$REDIS_SERVER_BIN` if set, else the first executable `redis-server` on PATH, else null. */
export function findRedisServerBinary(): string | null {
  const explicit = process.env.REDIS_SERVER_BIN;
  if (explicit) return isExecutable(explicit) ? explicit : null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, "redis-server");
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/**
 * Runs a private redis-server (without persistence unless `appendOnly`) on 127.0.0.1 as a foreground child of this process and waits until
 * it answers PING. It is killed when this process exits.
 */
export async function startPrivateRedis(opts: {
  dir: string;
  port?: number;
  /**
   * Append every write to disk (fsync once a second): the zero-configuration server's, so ballots answered from
   * Redis while Postgres is away survive a Redis restart (docs/adr/0016). Tests leave it off: they restart Redis
   * empty on purpose.
   */
  appendOnly?: boolean;
}): Promise<PrivateRedisHandle> {
  await mkdir(opts.dir, { recursive: true });
  const binary = findRedisServerBinary();
  if (!binary) throw new Error("redis-server not found (set REDIS_SERVER_BIN or put it on PATH)");
  const port = opts.port ?? (await findFreePort());
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", opts.appendOnly ? "yes" : "no",
      "--appendfsync", "everysec", "--dir", opts.dir,
      "--daemonize", "no", "--loglevel", "warning"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  // Keep the tail of the output for error messages; the pipes must be drained or the server blocks on writes.
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);

  const exited = once(child, "exit");
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };

  const redisUrl = `redis://127.0.0.1:${port}`;
  try {
    await waitForPing(redisUrl, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`redis-server failed to start on port ${port}: ${(error as Error).message}\n${output}`);
  }
  return { redisUrl, pid: child.pid!, stop };
}

async function waitForPing(redisUrl: string, hasExited: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited()) throw new Error("it exited");
    const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on("error", () => {}); // connection refused while starting up is expected
    try {
      await client.connect();
      if ((await client.ping()) === "PONG") return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    } finally {
      client.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
