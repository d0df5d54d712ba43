import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { TRPCClientError } from "@trpc/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../../test/support/browser";
import { signUpOwner } from "../../test/support/fixtures";
import { createAppServer } from "../http/createServer";
import { pgConfigFromUrl } from "../infra/db/pgConfig";
import { createLog } from "../infra/log";
import { applyMigrations } from "../infra/migrate";
import { UNLIMITED } from "../limits/rules";
import { createServices, type Services } from "../services";
import { UNEXPECTED_MESSAGE } from "./unexpectedErrors";
import { testStores } from "../../test/support/workerStores";

/*
 * A real Prisma failure (a table the client expects is gone) in a database of this file's own, so the rest of
 * the run is untouched. What the client reads must be the generic message and an error id; the log must hold the
 * failure's stack under that very id.
 */
const dbName = `unexpected_${randomBytes(4).toString("hex")}`;
const logLines: Record<string, any>[] = [];
let services: Services;
let url = "";
let close: () => Promise<void> = async () => {};

async function admin(database: string, sql: string) {
  const client = new pg.Client(pgConfigFromUrl(testStores().databaseUrl, { database }));
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

beforeAll(async () => {
  await admin("tableside", `CREATE DATABASE ${dbName}`);
  const databaseUrl = Object.assign(new URL(testStores().databaseUrl), { pathname: `/${dbName}` }).toString();
  await applyMigrations(databaseUrl);
  services = await createServices({
    databaseUrl,
    redisUrl: null,
    sessionSecret: "test-session-secret-0123456789-abcdefghij",
    log: createLog("info", { write: (line: string) => void logLines.push(JSON.parse(line)) }),
    limits: UNLIMITED,
  });
  const { server } = createAppServer(services);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await services.close();
    await admin("tableside", `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  };
});
afterAll(() => close());

async function failureOf(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCClientError);
  const clientError = error as TRPCClientError<never>;
  return { message: clientError.message, data: clientError.data as unknown as { code: string; httpStatus: number; errorId?: string } };
}

describe("an unexpected error reaches the client as a generic message and an id, and the log as its stack", () => {
  it("over the mutation fast path and over tRPC's adapter (a query)", async () => {
    const owner = new Browser(url);
    await signUpOwner(owner);
    await admin(dbName, `ALTER TABLE "Poll" RENAME TO "PollGone"`);

    const failures = [
      await failureOf(owner.api.poll.mine.query()),
      await failureOf(owner.api.poll.create.mutate({ question: "Which dish?", options: [{ label: "A" }, { label: "B" }] })),
    ];
    console.log(`[errors] client saw: ${JSON.stringify(failures)}`);
    for (const { message, data } of failures) {
      expect(message).toBe(UNEXPECTED_MESSAGE);
      expect(data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 });
      expect(data.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify({ message, data })).not.toMatch(/prisma|invocation|"Poll"|PollGone|does not exist|stack/i);
      const logged = logLines.find((line) => line.errorId === data.errorId);
      expect(logged, "logged under the id the client was shown").toMatchObject({ level: "error", message: "unexpected error" });
      expect(logged!.err.stack).toMatch(/does not exist/);
      expect(logged!.err.stack).toMatch(/\n\s+at /);
    }
    expect(failures[0].data.errorId).not.toBe(failures[1].data.errorId);
  });
});
