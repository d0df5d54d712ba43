import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DINER_MESSAGES } from "../app/p/[slug]/_components/dinerMessages";
import { en } from "../lib/i18n/en";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Every source file the diner's page sends to the browser: what its client components (the page's VotePage, the
 * layout's I18nProvider) reach by value imports, relative and `@/` (an `import type` is erased from the bundle).
 */
function dinerSources(): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = ["app/p/[slug]/_components/VotePage.tsx", "app/_i18n/I18nProvider.tsx"];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(path.join(root, file), "utf8");
    seen.set(file, text);
    for (const [, spec] of text.matchAll(/^(?:import (?!type )[^;]*?from|export [^;]*?from|.*import\()\s*"((?:\.{1,2}|@)\/[^"]+)"/gm)) {
      const base = spec.startsWith("@/") ? spec.slice(2) : path.join(path.dirname(file), spec);
      const found = ["", ".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((candidate) => existsSync(path.join(root, candidate)) && !candidate.endsWith("/"));
      if (found && !readdirSafe(path.join(root, found))) queue.push(path.normalize(found));
    }
  }
  return seen;
}

const readdirSafe = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return null;
  }
};

/**
 * The diner's page keeps to its JavaScript budget by what it does not import (docs/adr/0023): no React Query, no
 * tRPC client, no dictionary of every page. And it is sent only some message namespaces: every message it names
 * must be in one of them.
 */
describe("the diner's page client stays lean", () => {
  const sources = dinerSources();

  it("reaches neither React Query, nor @trpc/client, nor the full dictionaries, except as types", () => {
    expect(sources.has("app/p/[slug]/_client/liveSocket.ts")).toBe(true); // the walk does reach the page's client
    const heavy: string[] = [];
    for (const [file, text] of sources) {
      for (const [line] of text.matchAll(/^import (?!type ).*from "(@tanstack\/react-query|@trpc\/client|@trpc\/tanstack-react-query|@\/lib\/i18n|@\/lib\/i18n\/(en|ko)|\.\/(en|ko))";$/gm)) heavy.push(`${file}: ${line}`);
    }
    expect(heavy).toEqual([]);
  });

  it("names only messages of the namespaces it is sent", () => {
    const namespaces = new Set<string>(DINER_MESSAGES);
    const keys = new Set(Object.keys(en).map((key) => key.replace(/#.*$/, "")));
    const missing: string[] = [];
    for (const [file, text] of sources) {
      if (!file.startsWith("app/")) continue;
      for (const [, key] of text.matchAll(/"([a-z]+\.[A-Za-z.]+)"/g)) {
        if (keys.has(key) && !namespaces.has(key.split(".")[0])) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
