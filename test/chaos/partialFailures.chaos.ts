import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULTS, runFaultScenario, type ScenarioFigures } from "../durability/support/faultScenario";
import { type PrivateStores, startPrivateStores } from "../durability/support/privateStores";
import { startProductionServer } from "./productionServer";

/**
 * `npm run chaos`: the partial failures of issue 12 at full length, against the production server (built pages,
 * NODE_ENV=production) as a child process, on a Postgres and a redis-server this suite starts, broken for real.
 * One line of figures per scenario ([chaos] …). The shorter versions run in `npm test` (test/durability/).
 */
const FAULT_MS = 10_000;
const CONCURRENCY = 64;

describe("partial failures, 10 s each, ~64 votes in flight, production server", () => {
  let stores: PrivateStores;
  beforeAll(async () => {
    stores = await startPrivateStores();
  });
  afterAll(() => stores?.close());

  const run = (fault: (typeof FAULTS)[keyof typeof FAULTS]) =>
    runFaultScenario(stores, fault, { faultMs: FAULT_MS, concurrency: CONCURRENCY, startServer: startProductionServer });

  const nothingMisleading = (f: ScenarioFigures) => {
    expect(f.internalErrors).toBe(0);
    expect(f.lost).toBe(0);
    expect(f.double).toBe(0);
    expect(f.talliesEqual).toBe(true);
  };

  it("Redis SIGSTOP 10 s: ≥ 30% of the rate before from 2 s after the stop, no 5xx", async () => {
    const f = await run(FAULTS.redisHang);
    nothingMisleading(f);
    expect(f.serverErrors).toBe(0);
    expect(f.countedButToldFailed).toBe(0);
    expect(f.worstShareAfterDetection).toBeGreaterThanOrEqual(0.3);
  });

  it("Postgres pg_ctl stop -m immediate 10 s, then started: votes go on, none told failed and counted", async () => {
    const f = await run(FAULTS.postgresImmediateStop);
    nothingMisleading(f);
    expect(f.serverErrors).toBe(0);
    expect(f.countedButToldFailed).toBe(0);
  });

  it("Postgres SIGSTOP 10 s: the same", async () => {
    const f = await run(FAULTS.postgresHang);
    nothingMisleading(f);
    expect(f.serverErrors).toBe(0);
    expect(f.countedButToldFailed).toBe(0);
  });

  it("both stores away 10 s: SERVICE_UNAVAILABLE with a retry hint, nobody counted twice after", async () => {
    const f = await run(FAULTS.bothDown);
    nothingMisleading(f);
    expect(Object.keys(f.errorCodes).every((code) => code === "SERVICE_UNAVAILABLE")).toBe(true);
    expect(f.retryAfterMs).toBeGreaterThan(0);
  });
});
