import { fileURLToPath } from "node:url";

/**
 * What the three vitest configurations (the main suite, `npm run chaos`, `npm run topology`) share: the path aliases
 * of the app, and test files run one after another, each in a fresh fork, because they start real servers and
 * databases on a two-core machine and module state must not leak between them.
 */
export const resolveLikeTheApp = {
  alias: {
    "@": fileURLToPath(new URL("../..", import.meta.url)),
    // Outside Next the marker package throws on import: see server/infra/serverOnly.ts.
    "server-only": fileURLToPath(new URL("../../server/infra/serverOnly.ts", import.meta.url)),
  },
};

export const oneFileAtATime = {
  environment: "node" as const,
  pool: "forks" as const,
  fileParallelism: false,
  isolate: true,
};
