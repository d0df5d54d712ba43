import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  it("pg_ctl stop -m immediate, started again 5 s later: votes keep being accepted, none is told failed and counted", async () => {
    const figures = await runFaultScenario(stores, FAULTS.postgresImmediateStop, { faultMs: 5_000 });
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
