import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * `npm run chaos` (after the pages' build): the full-length failure scenarios in test/chaos/. Each starts its own
 * Postgres and Redis, so the run's shared ones (test/globalSetup.ts) are not started.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ["test/chaos/**/*.chaos.ts"],
      globalSetup: [],
      testTimeout: 300_000,
    },
  }),
);
