import { openPollViaApi } from "./support/api";
import { expect, test } from "./support/fixtures";

/**
 * What the production server really sends (next.config.js and the API's guards), read off live responses: the
 * pages a restaurant links to must not be framed by someone else's site, except the live screen, which signage
 * players frame; the voter cookie is out of reach of scripts and cross-site posts; mutations take JSON from the
 * app's own origin only.
 */
test.describe("security headers and guards", () => {
  test("pages carry a CSP, no framing but the screen's, and a referrer policy", async ({ app, request }) => {
    const { poll, owner } = await openPollViaApi(app.url, { labels: ["Bibimbap", "Japchae"] });
    for (const path of ["/", "/owner/sign-in", `/p/${poll.slug}`]) {
      const headers = (await request.get(path)).headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("default-src 'self'");
      // Issue 13, item 11: scripts only with this response's nonce, connections to this origin only.
      const scripts = headers["content-security-policy"].split("; ").find((d) => d.startsWith("script-src")) ?? "";
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(headers["content-security-policy"], path).toContain("connect-src 'self';");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
    const nonces = await Promise.all([1, 2].map(async () => (await request.get("/")).headers()["content-security-policy"].match(/'nonce-([^']+)'/)?.[1]));
    expect(nonces[0]).not.toBe(nonces[1]); // fresh per response
    const screen = (await request.get(`/screen/${poll.slug}`)).headers();
    expect(screen["content-security-policy"]).toContain("frame-ancestors *");
    expect(screen["x-frame-options"]).toBeUndefined();
    await owner.dispose();
  });

  test("the page's scripts come in brotli to a browser that takes it, gzip to one that does not (docs/adr/0023)", async ({ app, request }) => {
    const { poll, owner } = await openPollViaApi(app.url, { labels: ["Bibimbap", "Japchae"] });
    const html = await (await request.get(`/p/${poll.slug}`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const brotli = await request.get(script, { headers: { "accept-encoding": "gzip, deflate, br" } });
      expect([script, brotli.status(), brotli.headers()["content-encoding"], brotli.headers().vary]).toEqual([script, 200, "br", "Accept-Encoding"]);
      expect(brotli.headers()["cache-control"]).toContain("immutable");
      expect((await brotli.body()).length).toBeGreaterThan(0);
      const gzip = await request.get(script, { headers: { "accept-encoding": "gzip" } });
      // Next.js's own compression leaves a body under 1 KiB as it is (gzip would not make it smaller).
      const gzipped = (await gzip.body()).length >= 1024 ? "gzip" : undefined;
      expect([script, gzip.status(), gzip.headers()["content-encoding"]]).toEqual([script, 200, gzipped]);
      expect((await gzip.body()).equals(await brotli.body())).toBe(true); // both decoded: the same script
    }
    await owner.dispose();
  });

  test("the voter cookie is HttpOnly and SameSite=Lax; mutations refuse other origins and non-JSON bodies", async ({ app, request }) => {
    const { poll, owner } = await openPollViaApi(app.url, { labels: ["Bibimbap", "Japchae"] });
    const vote = await request.post("/api/trpc/vote.cast", { data: { pollId: poll.id, optionIds: [poll.options[0].id] } });
    expect(vote.ok()).toBe(true);
    const cookie = vote.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")?.value ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const forged = await request.post("/api/trpc/vote.cast", {
      headers: { origin: "https://evil.example" },
      data: { pollId: poll.id, optionIds: [poll.options[1].id] },
    });
    expect(forged.status()).toBe(403);
    const form = await request.post("/api/trpc/vote.cast", {
      form: { pollId: poll.id, optionIds: poll.options[1].id },
    });
    expect(form.status()).toBe(415);
    const results = await request.get("/api/trpc/poll.results", { params: { input: JSON.stringify({ pollId: poll.id }) } });
    expect((await results.json()).result.data.total).toBe(1);
    await owner.dispose();
  });
});
