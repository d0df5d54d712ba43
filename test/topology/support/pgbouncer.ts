import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { findFreePort } from "../../../server/infra/freePort";

export type Pooler = { url: string; child: ChildProcess; stop(): Promise<void> };

/**
 * Debian's PgBouncer in transaction mode in front of `databaseUrl`'s Postgres, as managed Postgres offerings put
 * one: a server connection is lent for one transaction, so session state (LISTEN, session advisory locks,
 * prepared statements by name) does not survive between transactions. Returns the same database's URL through it.
 * PgBouncer refuses to run as root: as root it is started as user `postgres` (`-u`), which must read `dir`.
 */
export async function startPgBouncer(dir: string, databaseUrl: string): Promise<Pooler> {
  const target = new URL(databaseUrl);
  const user = decodeURIComponent(target.username);
  const password = decodeURIComponent(target.password);
  const port = await findFreePort();
  await writeFile(path.join(dir, "userlist.txt"), `"${user}" "${password}"\n`);
  await writeFile(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${target.hostname} port=${target.port} user=${user} password=${password}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 1000",
      "default_pool_size = 40",
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  await chmod(dir, 0o755);
  const binary = process.env.PGBOUNCER_BIN ?? "pgbouncer";
  const asRoot = process.getuid?.() === 0;
  const child = spawn(binary, [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const url = new URL(databaseUrl);
  url.port = String(port);
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}:\n${output}`);
    const client = new pg.Client({ connectionString: url.toString() });
    const ok = await client.connect().then(() => client.query("SELECT 1").then(() => true), () => false);
    await client.end().catch(() => {});
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not answer in 15 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: url.toString(),
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGINT");
      await exited;
    },
  };
}
