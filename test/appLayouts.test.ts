import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(import.meta.dirname, "../app");

/**
 * The root layout gives no client providers (the diner's page goes without them: docs/adr/0023), so every other
 * top-level route must give them itself: a route without would fail at its first `useI18n`.
 */
describe("every route has its client providers", () => {
  it("each top-level route's layout gives the app's providers, the diner's its own", () => {
    const routes = readdirSync(app, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !/^[_(@]/.test(entry.name));
    expect(routes.map((route) => route.name)).toContain("owner");
    for (const route of routes) {
      const layout = route.name === "p" ? path.join(app, "p", "[slug]", "layout.tsx") : path.join(app, route.name, "layout.tsx");
      expect(existsSync(layout), `app/${route.name} has no layout.tsx`).toBe(true);
      expect(readFileSync(layout, "utf8"), layout).toMatch(route.name === "p" ? /<I18nProvider / : /<AppProviders>/);
    }
    expect(readFileSync(path.join(app, "page.tsx"), "utf8")).toMatch(/<AppProviders>/);
  });
});
