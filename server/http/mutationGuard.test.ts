import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/testApp";

describe("mutation guard", () => {
  const app = useTestApp("postgres");

  const post = (headers: Record<string, string>, body = "{}") =>
    fetch(`${app.url}/api/trpc/auth.signOut`, { method: "POST", headers, body });

  it("accepts JSON from the app's own origin or from a non-browser client", async () => {
    const host = new URL(app.url).host;
    expect((await post({ "content-type": "application/json", origin: `http://${host}` })).status).toBe(200);
    expect((await post({ "content-type": "application/json" })).status).toBe(200);
  });

  it("refuses a form post and a cross-site origin", async () => {
    expect((await post({ "content-type": "application/x-www-form-urlencoded" }, "a=1")).status).toBe(415);
    expect((await post({ "content-type": "text/plain" })).status).toBe(415);
    expect((await post({ "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "content-type": "application/json", origin: "null" })).status).toBe(403);
  });

  it("answers malformed JSON and oversized bodies with 4xx, never 500", async () => {
    const json = { "content-type": "application/json" };
    const malformed = await fetch(`${app.url}/api/trpc/vote.cast`, { method: "POST", headers: json, body: "{not json" });
    expect(malformed.status).toBe(400);
    const huge = await fetch(`${app.url}/api/trpc/vote.cast`, { method: "POST", headers: json, body: JSON.stringify({ x: "y".repeat(200_000) }) });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    const unknown = await fetch(`${app.url}/api/trpc/nothing.here`, { method: "POST", headers: json, body: "{}" });
    expect(unknown.status).toBe(404);
  });
});
