/**
 * The layering that docs/architecture.md describes, as rules: `npm run depcheck`, and a step of `npm test`.
 * Parsed with swc (TypeScript 7 has no compiler API for dependency-cruiser); type-only imports count too.
 * dependency-cruiser 17 (18 needs Node 22); patches/dependency-cruiser+17.4.3.patch makes its swc parser read
 * .tsx (a backport of dependency-cruiser#1086) and mark `import type` as "type-only", as its tsc parser does.
 * Folder rules (scope "folder") count a folder with everything below it: a parent and its own subfolder are one.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "engine-stays-below",
      severity: "error",
      comment:
        "The engine wing knows nothing of live updates, metrics, transports or the composition root: what it reports goes " +
        "through its own ports (VotingObserver), and it is assembled by server/engine/voting.ts alone.",
      from: { path: "^server/engine/" },
      to: { path: ["^server/(live|metrics|routers|trpc|http)/", "^server/[^/]+\\.ts$"] },
    },
    {
      name: "no-folder-cycles",
      severity: "error",
      comment:
        "No two folders under server/ import each other, directly or round a loop: a folder that needs one that needs it " +
        "back holds something in the wrong place.",
      scope: "folder",
      from: { path: "^server/" },
      to: { circular: true },
    },
    {
      name: "root-only-as-types",
      severity: "error",
      comment:
        "The root files (index.ts, services.ts, env.ts, gracefulShutdown.ts) assemble the folders; a folder may name the " +
        "Services or Env type, never run root code.",
      from: { path: "^server/[^/]+/" },
      to: { path: "^server/[^/]+\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "pages-see-only-the-router-type",
      severity: "error",
      comment: "Pages and e2e journeys reach the server through tRPC: they may import the AppRouter type and nothing else.",
      from: { path: "^(app|e2e)/" },
      to: { path: "^server/", pathNot: "^server/routers/appRouter\\.ts$" },
    },
    {
      name: "router-type-only",
      severity: "error",
      comment: "A value import of the app router would pull the whole server into a browser bundle.",
      from: { path: "^(app|e2e)/" },
      to: { path: "^server/routers/appRouter\\.ts$", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.next.json" },
    doNotFollow: { path: "node_modules" },
    // Tests reach across layers on purpose (a contract suite starts the whole server): the rules are about the product.
    exclude: { path: ["^server/infra/db/generated/", "^\\.next/", "^node_modules/", "\\.test\\.ts$", "^test/", "^bench/"] },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};
