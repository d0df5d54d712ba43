/**
 * `import "server-only"` marks a module that must never reach a browser bundle: in Next's build (tsconfig.next.json)
 * it resolves to the real package, which fails the build when a client component imports such a module. The custom
 * server, vitest and tsx run outside Next, where that package would throw on import, so tsconfig.json and
 * vitest.config.ts map it here: nothing to do.
 */
export {};
