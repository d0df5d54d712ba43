import { fileURLToPath } from "node:url";
import { LongFilesFirst } from "./longFilesFirst";

/**
 * What the three vitest configurations (the main suite, `npm run chaos`, `npm run topology`) share: the path aliases
 * of the app, and each test file in a fresh fork, because they start real servers and databases and module state
 * must not leak between them.
 */
export const resolveLikeTheApp = {
  alias: {
    "@": fileURLToPath(new URL("../..", import.meta.url)),
    // Outside Next the marker package throws on import: see server/infra/serverOnly.ts.
    "server-only": fileURLToPath(new URL("../../server/infra/serverOnly.ts", import.meta.url)),
  },
};

export const forkPerFile = {
  environment: "node" as const,
  pool: "forks" as const,
  isolate: true,
};

/**
 * The main suite: two files at a time. Most of its time is spent waiting (child servers starting, processes
 * restarting, Postgres and Redis answering), so a second worker fills the other core. Each worker has a database and
 * a redis-server of its own (test/globalSetup.ts, test/support/runStores.ts), so within a worker the files still run
 * one after another on stores no other file touches meanwhile.
 */
export const twoFilesAtATime = { ...forkPerFile, maxWorkers: 2, sequence: { sequencer: LongFilesFirst } };

/** Chaos and topology scenarios: one file after another, each on the deployment its setup started. */
export const oneFileAtATime = { ...forkPerFile, fileParallelism: false };
