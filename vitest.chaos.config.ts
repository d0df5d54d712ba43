import { defineConfig } from "vitest/config";
import { oneFileAtATime, resolveLikeTheApp } from "./test/support/vitestBase";

/**
 * `npm run chaos` (after the pages' build): the full-length failure scenarios in test/chaos/ and nothing else. Each
 * starts its own Postgres and Redis, so the run's shared ones (test/globalSetup.ts) are not started.
 */
export default defineConfig({
  resolve: resolveLikeTheApp,
  test: {
    ...oneFileAtATime,
    include: ["test/chaos/**/*.chaos.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
