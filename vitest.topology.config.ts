import { defineConfig } from "vitest/config";
import { oneFileAtATime, resolveLikeTheApp } from "./test/support/vitestBase";

/**
 * `npm run topology` (scripts/topology.mjs): the deployments an operator runs, each with the real processes its
 * own global setup starts: a Redis Cluster, app processes behind HAProxy, PgBouncer in front of Postgres. Kept out
 * of `npm test` (vitest.config.ts): minutes of work, and packages (haproxy, pgbouncer) the main suite does not need.
 */
export default defineConfig({
  resolve: resolveLikeTheApp,
  test: {
    ...oneFileAtATime,
    testTimeout: 300_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: "cluster", include: ["test/topology/cluster/**/*.test.ts"], globalSetup: ["test/topology/cluster/globalSetup.ts"] } },
      { extends: true, test: { name: "sentinel", include: ["test/topology/sentinel/**/*.test.ts"], globalSetup: ["test/topology/sentinel/globalSetup.ts"] } },
      { extends: true, test: { name: "pgbouncer", include: ["test/topology/pgbouncer/**/*.test.ts"], globalSetup: ["test/topology/pgbouncer/globalSetup.ts"] } },
      { extends: true, test: { name: "balancer", include: ["test/topology/balancer/**/*.test.ts"], globalSetup: ["test/globalSetup.ts"] } },
    ],
  },
});
