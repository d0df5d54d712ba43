import { defineConfig } from "vitest/config";
import { resolveLikeTheApp, twoFilesAtATime } from "./test/support/vitestBase";

export default defineConfig({
  resolve: resolveLikeTheApp,
  test: {
    ...twoFilesAtATime,
    include: ["server/**/*.test.ts", "lib/**/*.test.ts", "test/**/*.test.ts"],
    // `npm run topology` runs these, each scenario with the processes it needs (vitest.topology.config.ts).
    exclude: ["test/topology/**", "**/node_modules/**"],
    globalSetup: ["test/globalSetup.ts"],
    // A hang guard, not a speed check: the seed-sized contract tests take 20–90 s on two busy cores.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
