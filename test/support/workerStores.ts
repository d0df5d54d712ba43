import { inject } from "vitest";

/** The Postgres database and the redis-server that a test file's servers and connections use. */
export type TestStores = {
  /** A migrated database in the run's throwaway Postgres. */
  databaseUrl: string;
  /** A private, empty redis-server, never the one on 6379. */
  redisUrl: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    /**
     * One entry per vitest worker, in pool-id order (VITEST_POOL_ID 1 is the first). Files in one worker run one
     * after another, so a file has its worker's stores to itself, as in a serial run: global counts, per-address
     * limiters, the flushers' view of open polls and pub/sub channels see no other file's traffic.
     */
    workerStores: TestStores[];
  }
}

/** This worker's stores (test/globalSetup.ts starts one set per worker). */
export function testStores(): TestStores {
  const poolId = Number(process.env.VITEST_POOL_ID);
  const stores = inject("workerStores")[poolId - 1];
  if (!stores) {
    throw new Error(`no stores for vitest worker ${poolId}: the global setup starts one set per worker (maxWorkers)`);
  }
  return stores;
}
