import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/testApp";
import { upgradeStatus } from "./support/rawSocket";

/** Issue 13, item 7: an upgrade anywhere but /api/trpc is answered (404) and its connection closed, never left hanging. */
describe("item 7: WebSocket upgrades on other paths are answered", () => {
  const app = useTestApp("postgres");

  it("answers 404 on any other path, and still upgrades /api/trpc", async () => {
    for (const path of ["/", "/socket", "/api/trpc/poll.onResults", "/_next/webpack-hmr"]) {
      expect(await upgradeStatus(app.url, {}, path), path).toBe(404);
    }
    expect(await upgradeStatus(app.url)).toBe(101);
  });
});
