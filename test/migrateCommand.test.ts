import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pgConfigFromUrl } from "../server/infra/db/pgConfig";
import { pendingMigrations, shippedMigrations } from "../server/infra/migrate";
import { testStores } from "./support/workerStores";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs a TypeScript entry point of the project as its own process, with only the environment given. */
function run(file: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", file], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development", LOG_LEVEL: "error", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("migrations are the operator's step when the database is configured", () => {
  const admin = new pg.Client(pgConfigFromUrl(testStores().databaseUrl));
  const database = `migrate_${randomBytes(4).toString("hex")}`;
  let emptyUrl = "";

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(testStores().databaseUrl);
    url.pathname = `/${database}`;
    emptyUrl = url.toString();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  test("the server refuses an unmigrated database; `npm run migrate` applies and then has nothing to do", async () => {
    const shipped = await shippedMigrations();
    expect(await pendingMigrations(emptyUrl)).toEqual(shipped);

    const server = run("server/index.ts", { DATABASE_URL: emptyUrl, VOTE_ENGINE: "postgres", SESSION_SECRET: "s".repeat(32), PORT: "0" });
    expect(server.code).not.toBe(0);
    expect(server.output).toContain(`lacks ${shipped.length} migration(s)`);
    expect(server.output).toContain("npm run migrate");
    expect(await pendingMigrations(emptyUrl)).toEqual(shipped); // it refused without touching the schema

    const first = run("scripts/migrate.ts", { DATABASE_URL: "postgres://nobody@127.0.0.1:1/unused", DIRECT_DATABASE_URL: emptyUrl });
    expect(first.output).toContain(`applied ${shipped.length} migration(s)`);
    expect(first.code).toBe(0);
    expect(await pendingMigrations(emptyUrl)).toEqual([]);

    const second = run("scripts/migrate.ts", { DATABASE_URL: emptyUrl });
    expect(second).toEqual({ code: 0, output: expect.stringContaining("up to date") });
  });
});
