import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Outside Next the marker package throws on import: see server/infra/serverOnly.ts.
      "server-only": fileURLToPath(new URL("./server/infra/serverOnly.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["server/**/*.test.ts", "lib/**/*.test.ts", "test/**/*.test.ts"],
    // `npm run topology` runs these, each scenario with the processes it needs (vitest.topology.config.ts).
    exclude: ["test/topology/**", "**/node_modules/**"],
    globalSetup: ["test/globalSetup.ts"],
    // A hang guard, not a speed check: the seed-sized contract tests take 20–90 s on two busy cores.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Test files share one Postgres and one Redis, and integration tests are heavy on a 2-core machine:
    // run the files one after another, each in a fresh fork so module state cannot leak between them.
    pool: "forks",
    fileParallelism: false,
    isolate: true,
  },
});
