import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { Redis } from "ioredis";

/** One question to the redis-server (or sentinel) on `port`, on a connection of its own that gives up at once. */
export async function askRedis<T>(port: number, question: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await question(redis);
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` every 100 ms (a throw counts as not yet) until it holds or `timeoutMs` passes. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGKILLs the processes still running and waits for their exits: nothing persists, so nothing is lost. */
export async function killAndWait(children: ChildProcess[]): Promise<void> {
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    running.map(async (c) => {
      const exited = once(c, "exit");
      c.kill("SIGKILL");
      await exited;
    }),
  );
}
