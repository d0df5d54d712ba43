import { defineConfig } from "vitest/config";
import { oneFileAtATime, resolveLikeTheApp } from "./test/support/vitestBase";

/**
 * The fault scenarios that count accepted votes per second through the fault (a share of the rate before it).
 * `npm test` runs them first, one at a time, in a vitest run of their own, so nothing else in the suite loads the
 * machine meanwhile: beside another file's 10,000 voters on two cores they measured the neighbour (a Redis hang's
 * second 2 s after the stop at 14 % of the rate before, 25–80 % alone). They break a Postgres and a Redis of their
 * own (test/durability/support/privateStores.ts); their servers start on the run's stores (test/globalSetup.ts).
 */
export const VOTES_PER_SECOND_THROUGH_A_FAULT = ["test/durability/redisHang.test.ts", "test/durability/postgresAway.test.ts"];

export default defineConfig({
  resolve: resolveLikeTheApp,
  test: {
    ...oneFileAtATime,
    include: VOTES_PER_SECOND_THROUGH_A_FAULT,
    globalSetup: ["test/globalSetup.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
