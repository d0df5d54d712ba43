import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { listeningPort, stopChild } from "../../test/support/childServer";
import type { ProcessStats } from "./processStats";
import { PRODUCTION_NODE_FLAGS } from "../../server/infra/nodeFlags";

export const BENCH_SESSION_SECRET = "bench-session-secret-0123456789-abcdefghij";

const here = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));

/** A TypeScript child process through tsx's loader, with an IPC channel. */
export function forkTs(file: string, env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  return fork(here(file), [], {
    execArgv: [...nodeFlags, "--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
}

export type ServerUnderTest = {
  url: string;
  pid: number;
  stats(gc?: boolean): Promise<ProcessStats>;
  stop(): Promise<void>;
};

export type ServerKind = "redis" | "postgres" | "pessimistic" | "raw";

export type ServerOptions = {
  databaseUrl: string;
  redisUrl: string;
  precheck?: "on" | "off";
  ack?: "postgres" | "redis";
  limits?: "unlimited" | "default";
  /** The live channel's bounds (server/limits/socketLimits.ts): default as in production, or none. Default: as `limits`. */
  sockets?: "unbounded" | "default";
  adapter?: "fast" | "standalone";
  /** How live updates are framed for the sockets (server/http/liveSocket.ts); default as in production. */
  frames?: "shared" | "perSocket";
  /** ioredis auto-pipelining on the server's shared Redis connection. */
  autoPipelining?: boolean;
  /** Write a V8 CPU profile of the server into this directory when it stops. */
  cpuProfileDir?: string;
};

/** Starts one server under test as its own OS process and waits until it listens. */
export async function startServer(kind: ServerKind, options: ServerOptions): Promise<ServerUnderTest> {
  // The production server's flags (server/infra/nodeFlags.ts), for the raw ceiling too: a ratio of like to like.
  const flags = ["--expose-gc", ...PRODUCTION_NODE_FLAGS, ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [])];
  const child = forkTs(
    kind === "raw" ? "rawVoteServerMain.ts" : "benchServerMain.ts",
    {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      SESSION_SECRET: BENCH_SESSION_SECRET,
      BENCH_ENGINE: kind,
      BENCH_PRECHECK: options.precheck ?? "off", // off as in production (docs/adr/0002)
      BENCH_ACK: options.ack ?? "postgres",
      BENCH_LIMITS: options.limits ?? "unlimited",
      BENCH_SOCKETS: options.sockets ?? (options.limits === "default" ? "default" : "unbounded"),
      BENCH_ADAPTER: options.adapter ?? "fast",
      // As production (server/services.ts) unless asked otherwise; the raw ceiling as it was defined, without.
      BENCH_AUTOPIPELINING: (options.autoPipelining ?? kind !== "raw") ? "on" : "off",
      BENCH_FRAMES: options.frames ?? "shared",
      NODE_ENV: "production",
    },
    flags,
  );
  const port = await listeningPort(child, `${kind} server`);
  child.stdout!.resume();
  let nextId = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stats(gc = false) {
      const id = ++nextId;
      const reply = new Promise<ProcessStats>((resolve) => {
        const onMessage = (message: { type?: string; id?: number; stats: ProcessStats }) => {
          if (message?.type !== "stats" || message.id !== id) return;
          child.off("message", onMessage);
          resolve(message.stats);
        };
        child.on("message", onMessage);
      });
      child.send({ type: "stats", gc, id });
      return reply;
    },
    async stop() {
      await stopChild(child);
    },
  };
}

/**
 * Runs a job in a separate worker process (so its CPU does not share the server's event loop) and returns
 * its result. Progress messages ({type:"progress", done, total}) go to `onProgress`.
 */
export async function runWorker<T>(file: string, job: unknown, onProgress?: (done: number, total: number) => void): Promise<T> {
  const child = forkTs(file, {}, ["--max-old-space-size=4096"]);
  child.stdout!.pipe(process.stderr);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    child.on("message", (message: { type: string; done?: number; total?: number; result?: T; error?: string }) => {
      if (message.type === "progress") onProgress?.(message.done ?? 0, message.total ?? 0);
      else if (message.type === "result") {
        settled = true;
        resolve(message.result as T);
        child.disconnect();
      } else if (message.type === "error") {
        settled = true;
        reject(new Error(message.error));
        child.disconnect();
      }
    });
    child.once("exit", (code) => {
      if (!settled) reject(new Error(`${file} exited with ${code} before answering`));
    });
    child.send({ type: "job", job });
  });
}

/** In a worker: receives the job, runs it, sends the result (or the error) back. */
export function workerMain<J, T>(run: (job: J, progress: (done: number, total: number) => void) => Promise<T>): void {
  process.once("message", (message: { type: string; job: J }) => {
    const progress = (done: number, total: number) => process.send?.({ type: "progress", done, total });
    run(message.job, progress).then(
      (result) => process.send?.({ type: "result", result }, () => process.exit(0)),
      (error: unknown) => process.send?.({ type: "error", error: String((error as Error)?.stack ?? error) }, () => process.exit(1)),
    );
  });
}
