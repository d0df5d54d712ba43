import { defineConfig } from "vitest/config";
import { oneFileAtATime, resolveLikeTheApp, twoFilesAtATime } from "./test/support/vitestBase";

/**
 * The fault scenarios that count accepted votes per second through the fault (a share of the rate before it) run
 * first, one at a time, on a machine nothing else in the suite is loading: beside another file's 10,000 voters on two
 * cores they measured the neighbour (a Redis hang's failover seen at 2.8 s instead of 1.2 s). They break a Postgres
 * and a Redis of their own (test/durability/support/privateStores.ts).
 */
const VOTES_PER_SECOND_THROUGH_A_FAULT = ["test/durability/redisHang.test.ts", "test/durability/postgresAway.test.ts"];

export default defineConfig({
  resolve: resolveLikeTheApp,
  test: {
    // A hang guard, not a speed check: the seed-sized contract tests take 20–90 s on two busy cores.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "faults, alone",
          ...oneFileAtATime,
          include: VOTES_PER_SECOND_THROUGH_A_FAULT,
          globalSetup: ["test/globalSetup.ts"],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "suite",
          ...twoFilesAtATime,
          include: ["server/**/*.test.ts", "lib/**/*.test.ts", "test/**/*.test.ts"],
          // `npm run topology` runs these, each scenario with the processes it needs (vitest.topology.config.ts).
          exclude: ["test/topology/**", "**/node_modules/**", ...VOTES_PER_SECOND_THROUGH_A_FAULT],
          globalSetup: ["test/globalSetup.ts"],
          sequence: { ...twoFilesAtATime.sequence, groupOrder: 2 },
        },
      },
    ],
  },
});
