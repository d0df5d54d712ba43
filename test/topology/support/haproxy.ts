import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { findFreePort } from "../../../server/infra/freePort";

/** HAProxy connects to the app processes from this address, the one TRUST_PROXY names (the tests connect from 127.0.0.1). */
export const BALANCER_SOURCE = "127.0.0.2";

export type Balancer = { url: string; port: number; child: ChildProcess; stop(): Promise<void> };

/**
 * Debian's HAProxy in front of the app processes, as an operator would run it: HTTP mode (WebSocket upgrades
 * pass through as tunnels), round robin, health checks on /api/ready every 500 ms (a stopping or broken process
 * leaves the rotation), X-Forwarded-For added, and a request whose server refused the connection tried on another.
 */
export async function startHaproxy(dir: string, serverPorts: number[]): Promise<Balancer> {
  const port = await findFreePort();
  const config = [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  option forwardfor",
    "  option redispatch",
    "  retries 3",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout tunnel 1h",
    "frontend web",
    `  bind 127.0.0.1:${port}`,
    "  default_backend app",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /api/ready",
    "  http-check expect status 200",
    `  default-server inter 500ms fall 2 rise 2 source ${BALANCER_SOURCE}`,
    ...serverPorts.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`),
    "",
  ].join("\n");
  const file = path.join(dir, "haproxy.cfg");
  await writeFile(file, config);
  const binary = process.env.HAPROXY_BIN ?? "haproxy";
  const child = spawn(binary, ["-db", "-f", file], { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`haproxy did not serve /api/ready in 15 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}
