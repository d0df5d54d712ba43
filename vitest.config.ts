import { defineConfig } from "vitest/config";
import { VOTES_PER_SECOND_THROUGH_A_FAULT } from "./vitest.faults.config";
import { resolveLikeTheApp, twoFilesAtATime } from "./test/support/vitestBase";

export default defineConfig({
  resolve: resolveLikeTheApp,
  test: {
    ...twoFilesAtATime,
    include: ["server/**/*.test.ts", "lib/**/*.test.ts", "test/**/*.test.ts"],
    // `npm run topology` runs these, each scenario with the processes it needs (vitest.topology.config.ts); `npm test`
    // runs the fault scenarios that count votes per second on their own, before this suite (vitest.faults.config.ts).
    exclude: ["test/topology/**", "**/node_modules/**", ...VOTES_PER_SECOND_THROUGH_A_FAULT],
    globalSetup: ["test/globalSetup.ts"],
    // A hang guard, not a speed check: the seed-sized contract tests take 20–90 s on two busy cores.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
