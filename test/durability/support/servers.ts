import type { ServerProcess } from "../../support/serverProcess";
import { settle } from "./audit";

/** The engine a server process votes on now, from /api/health. */
export async function engineOf(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.url}/api/health`);
  return ((await response.json()) as { engine: string }).engine;
}

/** Waits until every server votes on `engine`; returns their engines (the test asserts on them). */
export async function settleEngine(servers: ServerProcess[], engine: string, timeoutMs = 30_000): Promise<string[]> {
  return settle(() => Promise.all(servers.map(engineOf)), (engines) => engines.every((e) => e === engine), timeoutMs);
}

/** One sample of a Prometheus text exposition: the value of `name{labels}`, or 0 when absent. */
export async function metric(server: ServerProcess, sample: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

export async function readiness(server: ServerProcess): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
