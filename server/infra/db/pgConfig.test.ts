import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { generate } from "selfsigned";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pgConfigFromUrl } from "./pgConfig";
import { createPrisma } from "./prisma";
import { testStores } from "../../../test/support/workerStores";

const withParams = (url: string, params: string) => `${url}${url.includes("?") ? "&" : "?"}${params}`;

async function query<T>(databaseUrl: string, sql: string): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}

describe("connection strings are read as libpq reads them", () => {
  test("fields, sockets, TLS modes and options", () => {
    expect(pgConfigFromUrl("postgres://ann:p%40ss@db.example.com:6543/app")).toMatchObject({
      host: "db.example.com", port: 6543, user: "ann", password: "p@ss", database: "app",
    });
    expect(pgConfigFromUrl("postgres:///app?host=/var/run/postgresql")).toMatchObject({ host: "/var/run/postgresql", database: "app" });
    expect(pgConfigFromUrl("postgres://h/app?sslmode=require").ssl).toEqual({ rejectUnauthorized: false });
    expect(pgConfigFromUrl("postgres://h/app?sslmode=verify-full").ssl).toEqual({});
    expect(pgConfigFromUrl("postgres://h/app?sslmode=disable").ssl).toBe(false);
    expect(pgConfigFromUrl("postgres://h/app").ssl).toBeUndefined();
    expect(pgConfigFromUrl("postgres://h/app?options=-c%20statement_timeout%3D5000").options).toBe("-c statement_timeout=5000");
    expect(pgConfigFromUrl("postgres://h/app", { max: 7 }).max).toBe(7);
  });

  test("options and application_name reach the server", async () => {
    const url = withParams(testStores().databaseUrl, "application_name=tableside-test&options=-c%20statement_timeout%3D4321");
    const row = await query<{ app: string; timeout: string }>(url, "SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout");
    expect(row).toEqual({ app: "tableside-test", timeout: "4321ms" });
  });
});

describe("a Postgres that requires TLS", () => {
  const databaseUrl = testStores().databaseUrl;
  let certDir = "";
  let rootCert = "";
  let wrongRootCert = "";

  // The test cluster is private to this run: turn TLS on with a self-signed certificate for 127.0.0.1. The server
  // writes the files itself (lo_export), so they belong to the user it runs as; the key then gets the 0600 mode
  // Postgres insists on.
  beforeAll(async () => {
    const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
      algorithm: "sha256",
      extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
    });
    certDir = await mkdtemp(path.join(tmpdir(), "tableside-tls-"));
    rootCert = path.join(certDir, "root.crt");
    await writeFile(rootCert, pems.cert);
    wrongRootCert = path.join(certDir, "wrong-root.crt");
    await writeFile(wrongRootCert, (await generate([{ name: "commonName", value: "127.0.0.1" }], { algorithm: "sha256" })).cert);
    const admin = new pg.Client(pgConfigFromUrl(databaseUrl));
    await admin.connect();
    try {
      for (const [file, pem] of [["test-server.crt", pems.cert], ["test-server.key", pems.private]]) {
        const { rows } = await admin.query("SELECT lo_from_bytea(0, convert_to($1, 'UTF8')) AS oid", [pem]);
        await admin.query("SELECT lo_export($1, current_setting('data_directory') || '/' || $2::text)", [rows[0].oid, file]);
        await admin.query("SELECT lo_unlink($1)", [rows[0].oid]);
      }
      const { rows } = await admin.query("SELECT current_setting('data_directory') AS dir");
      await chmod(path.join(rows[0].dir, "test-server.key"), 0o600);
      await admin.query("ALTER SYSTEM SET ssl_cert_file = 'test-server.crt'");
      await admin.query("ALTER SYSTEM SET ssl_key_file = 'test-server.key'");
      await admin.query("ALTER SYSTEM SET ssl = on");
      await admin.query("SELECT pg_reload_conf()");
    } finally {
      await admin.end();
    }
    // pg_reload_conf only signals the postmaster: wait until new sessions see the setting.
    for (let waited = 0; (await query<{ ssl: string }>(databaseUrl, "SHOW ssl")).ssl !== "on"; waited += 50) {
      if (waited > 10_000) throw new Error("Postgres did not turn TLS on");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  afterAll(async () => {
    const admin = new pg.Client(pgConfigFromUrl(databaseUrl));
    await admin.connect();
    await admin.query("ALTER SYSTEM RESET ssl").then(() => admin.query("SELECT pg_reload_conf()")).finally(() => admin.end());
    await rm(certDir, { recursive: true, force: true });
  });

  const encrypted = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";

  test("sslmode=require encrypts; without it the connection is plain", async () => {
    expect(await query(withParams(databaseUrl, "sslmode=require"), encrypted)).toEqual({ ssl: true });
    expect(await query(databaseUrl, encrypted)).toEqual({ ssl: false });
  });

  const verifyFull = (caFile: string) => withParams(databaseUrl, `sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`);

  test("sslmode=verify-full checks the certificate against sslrootcert, and refuses a wrong one", async () => {
    await expect(query(withParams(databaseUrl, "sslmode=verify-full"), encrypted)).rejects.toThrow(/self[- ]signed/i);
    await expect(query(verifyFull(wrongRootCert), encrypted)).rejects.toThrow(/self[- ]signed|unable to verify|signature/i);
    expect(await query(verifyFull(rootCert), encrypted)).toEqual({ ssl: true });
  });

  test("Prisma connects through the same settings", async () => {
    const db = createPrisma(verifyFull(rootCert));
    try {
      expect(await db.$queryRawUnsafe(encrypted)).toEqual([{ ssl: true }]);
    } finally {
      await db.$disconnect();
    }
  });
});
