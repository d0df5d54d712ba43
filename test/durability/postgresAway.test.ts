import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../support/browser";
import type { ServerProcess } from "../support/serverProcess";
import { FAULTS, runFaultScenario, type ScenarioFigures } from "./support/faultScenario";
import { type PrivateStores, startPrivateStores } from "./support/privateStores";

/**
 * Postgres away while Redis is up: votes are answered from Redis and their ballots wait in the streams until
 * Postgres is back (docs/adr/0016). Shorter faults than `npm run chaos` (test/chaos/), within the suite's time.
 */
describe("Postgres away under load, Redis up", () => {
  let stores: PrivateStores;
  beforeAll(async () => {
    stores = await startPrivateStores();
  });
  afterAll(() => stores?.close());

  const expectNothingMisleading = (f: ScenarioFigures) => {
    expect(f.internalErrors).toBe(0);
    expect(f.lost).toBe(0);
    expect(f.double).toBe(0);
    // Every ballot in Postgres was answered `accepted` (or left unanswered by a cut connection), never an error.
    expect(f.countedButToldFailed).toBe(0);
    expect(f.talliesEqual).toBe(true);
  };

  /** What the owner's pages and the readiness probe meet while Postgres is away. */
  let during: { status: unknown; ownerError: unknown; ready: { status: number; body: unknown } } | null = null;
  const observe = async (server: ServerProcess, owner: Browser) => {
    const status = await owner.api.system.status.query();
    const ownerError = await owner.api.auth.me.query().then(
      () => null,
      (e: unknown) => (e instanceof TRPCClientError ? { message: e.message, data: e.data } : String(e)),
    );
    const response = await fetch(`${server.url}/api/ready`);
    during = { status, ownerError, ready: { status: response.status, body: await response.json() } };
  };

  it("pg_ctl stop -m immediate, started again 5 s later: votes keep being accepted, none is told failed and counted", async () => {
    const figures = await runFaultScenario(stores, FAULTS.postgresImmediateStop, { faultMs: 5_000, duringFault: observe });
    console.log(`[chaos] while Postgres was stopped: ${JSON.stringify(during)}`);
    // Pages say the database is away; an owner's page gets a typed, retryable answer, never Prisma's text; the
    // process stays in the balancer, since Redis takes the votes.
    expect(during?.status).toEqual({ database: "away" });
    expect(during?.ownerError).toMatchObject({ data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, retryAfterMs: 2_000 } });
    expect(JSON.stringify(during?.ownerError)).not.toMatch(/prisma|invocation|reach database/i);
    expect(during?.ready).toMatchObject({ status: 200, body: { ready: true, postgres: "down", redis: "up" } });
    expectNothingMisleading(figures);
    expect(figures.serverErrors).toBe(0);
    expect(figures.worstShareAfterDetection).toBeGreaterThanOrEqual(0.3);
  });

  it("SIGSTOP for 5 s (hung, not refusing): the same", async () => {
    const figures = await runFaultScenario(stores, FAULTS.postgresHang, { faultMs: 5_000 });
    expectNothingMisleading(figures);
    expect(figures.serverErrors).toBe(0);
    expect(figures.worstShareAfterDetection).toBeGreaterThanOrEqual(0.3);
  });

  it("both stores away: a typed SERVICE_UNAVAILABLE with a retry hint, and nobody counted twice once they are back", async () => {
    const figures = await runFaultScenario(stores, FAULTS.bothDown, { faultMs: 4_000 });
    expect(figures.internalErrors).toBe(0);
    expect(Object.keys(figures.errorCodes).every((code) => code === "SERVICE_UNAVAILABLE")).toBe(true);
    expect(figures.errorCodes.SERVICE_UNAVAILABLE).toBeGreaterThan(0);
    expect(figures.serverErrors).toBe(figures.errorCodes.SERVICE_UNAVAILABLE); // 503s, nothing else
    expect(figures.retryAfterMs).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
    expect(figures.double).toBe(0);
    expect(figures.talliesEqual).toBe(true);
  });
});
