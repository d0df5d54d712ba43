import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULTS, runFaultScenario } from "./support/faultScenario";
import { type PrivateStores, startPrivateStores } from "./support/privateStores";

/** The full 10 s hang is in `npm run chaos` (test/chaos/); here a shorter one, within the suite's time. */
describe("Redis hangs (SIGSTOP: connections open, nothing answers) under load", () => {
  let stores: PrivateStores;
  beforeAll(async () => {
    stores = await startPrivateStores();
  });
  afterAll(() => stores?.close());

  it("moves votes to Postgres within 2 s, keeps accepting, answers no 5xx, and loses and doubles nothing", async () => {
    const figures = await runFaultScenario(stores, FAULTS.redisHang, { faultMs: 6_000 });
    expect(figures.worstShareAfterDetection).toBeGreaterThanOrEqual(0.3);
    expect(figures.serverErrors).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.double).toBe(0);
    expect(figures.countedButToldFailed).toBe(0);
    expect(figures.talliesEqual).toBe(true);
    // Moved once and back once: no flapping while Redis was stopped.
    expect(figures.serverLog.filter((m) => /votes move to Postgres/.test(m))).toHaveLength(1);
    expect(figures.serverLog.filter((m) => /votes move back to Redis/.test(m))).toHaveLength(1);
  });
});
