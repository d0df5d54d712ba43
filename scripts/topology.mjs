// `npm run topology`: the deployments an operator runs, with real processes (vitest.topology.config.ts): a Redis
// Cluster, app processes behind HAProxy, PgBouncer in front of Postgres. First, what they need from the system:
// redis-server and redis-cli (package redis-server), haproxy and pgbouncer. Run as root on Debian, the missing
// ones are installed with apt-get; otherwise it stops at once with the one command to run (as scripts/preflight.mjs
// does for `npm test`). At the end it prints each scenario's line of figures again, together.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfChanged } from "./build.mjs";
import { findRedisServer, onPath } from "./preflight.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const redisCli = (env) => {
  const server = findRedisServer(env);
  return server ? onPath("redis-cli", { PATH: path.dirname(server) }) : null;
};
const NEEDED = [
  { pkg: "redis-server", why: "the Redis Cluster's nodes", present: (env) => findRedisServer(env) && redisCli(env) },
  { pkg: "haproxy", why: "the load balancer in front of 3 app processes", present: (env) => onPath("haproxy", env) },
  { pkg: "pgbouncer", why: "the transaction-mode pooler in front of Postgres", present: (env) => onPath("pgbouncer", env) },
];

// Debian puts pgbouncer and haproxy in /usr/sbin, which a non-login PATH may lack.
const env = { ...process.env, PATH: [process.env.PATH, "/usr/sbin", "/sbin"].filter(Boolean).join(path.delimiter) };
let missing = NEEDED.filter((n) => !n.present(env));
const apt = onPath("apt-get", env);
if (missing.length > 0 && apt && process.getuid?.() === 0) {
  console.log(`npm run topology: installing ${missing.map((n) => n.pkg).join(", ")} from Debian's packages (apt-get, as root)`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args) => spawnSync(apt, args, { stdio: "inherit", env: aptEnv }).status === 0;
  if (run(["update"])) run(["install", "-y", "--no-install-recommends", ...missing.map((n) => n.pkg)]);
  missing = NEEDED.filter((n) => !n.present(env));
}
if (missing.length > 0) {
  console.error(
    `npm run topology needs software that is not installed:\n${missing.map((n) => `  - ${n.pkg}: ${n.why}`).join("\n")}\n` +
      `Run this once, then npm run topology again:\n  sudo apt-get install -y ${missing.map((n) => n.pkg).join(" ")}`,
  );
  process.exit(1);
}

// One vitest run per deployment, one after another: each project's global setup starts its own Postgres and
// servers, and vitest would start them all at once in one process (embedded Postgres cannot share one).
const PROJECTS = ["cluster", "sentinel", "pgbouncer", "balancer"];
const asked = process.argv.slice(2);
const projects = asked.length > 0 ? PROJECTS.filter((p) => asked.includes(p)) : PROJECTS;
const figures = [];
const outcomes = [];

function runProject(name) {
  return new Promise((resolve) => {
    console.log(`\n=== topology: ${name}`);
    const child = spawn(path.join(root, "node_modules", ".bin", "vitest"), ["run", "--config", "vitest.topology.config.ts", "--project", name], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let pending = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      const plain = lines.map((line) => line.replace(/\x1b\[[0-9;]*m/g, "")); // vitest colours its output
      figures.push(...plain.filter((line) => /^\[(durability|topology)\]/.test(line)));
    });
    child.on("exit", (code, signal) => resolve({ name, ok: code === 0, how: code === 0 ? "passed" : `FAILED (${signal ?? `exit ${code}`})` }));
  });
}

// The balancer's app processes are the production server (npm run start:prod), which serves the last build.
if (projects.includes("balancer")) buildIfChanged();
for (const name of projects) outcomes.push(await runProject(name));
const ok = outcomes.every((o) => o.ok);
console.log(`\nnpm run topology: ${ok ? "PASSED" : "FAILED"} — ${outcomes.map((o) => `${o.name} ${o.how}`).join(", ")}; figures:`);
for (const line of figures) console.log(line);
process.exit(ok ? 0 : 1);
