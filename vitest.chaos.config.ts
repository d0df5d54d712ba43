import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `npm run chaos` (after the pages' build): the full-length failure scenarios in test/chaos/ and nothing else. Each
 * starts its own Postgres and Redis, so the run's shared ones (test/globalSetup.ts) are not started.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./server/infra/serverOnly.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["test/chaos/**/*.chaos.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
