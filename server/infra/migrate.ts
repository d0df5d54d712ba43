import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { pgConfigFromUrl } from "./db/pgConfig";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const MIGRATIONS_DIR = path.join(projectRoot, "prisma", "migrations");

/** The migrations this build ships (prisma/migrations/<name>/). */
export async function shippedMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/**
 * The shipped migrations the database has not applied (all of them on an empty database). Deadlines: a database
 * that hangs (a frozen VM, a black-holed route) fails the start in seconds instead of holding it forever.
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client(pgConfigFromUrl(databaseUrl, { connectionTimeoutMillis: 10_000, query_timeout: 10_000 }));
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string | null }>("SELECT to_regclass('public._prisma_migrations')::text AS name");
    const applied = rows[0]?.name
      ? new Set((await client.query<{ migration_name: string }>(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )).rows.map((r) => r.migration_name))
      : new Set<string>();
    return (await shippedMigrations()).filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}
const DONE = /All migrations have been successfully applied\.|No pending migrations to apply\./;

/**
 * Applies prisma/migrations to the database with `prisma migrate deploy` (the local CLI, js schema engine).
 *
 * The CLI prints its final line within a second but then idles for 10 s before exiting: the wasm schema engine
 * and pg-pool leave 10-second timers running. Once that line has been printed the migrations are committed,
 * so we stop the process instead of waiting.
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
  const child = spawn(prisma, ["migrate", "deploy"], {
    cwd: projectRoot,
    // CHECKPOINT_DISABLE stops the CLI's update check, a network call this machine cannot make.
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let done = false;
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (!done && DONE.test(output)) {
      done = true;
      setTimeout(() => child.kill("SIGTERM"), 100);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (!done || (code !== 0 && signal !== "SIGTERM")) {
    throw new Error(`prisma migrate deploy failed (exit ${code ?? signal}):\n${output}`);
  }
}
