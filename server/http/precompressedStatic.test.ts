import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressStatic } from "../../scripts/precompress.mjs";
import { acceptsBrotli, withPrecompressedStatic } from "./precompressedStatic";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

describe("/_next/static in brotli, precompressed at build time", () => {
  const root = mkdtempSync(path.join(tmpdir(), "tableside-static-"));
  const staticDir = path.join(root, "static");
  const script = `globalThis.dinerPage = ${JSON.stringify("tap to vote ".repeat(400))};\n`;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    mkdirSync(path.join(staticDir, "chunks"), { recursive: true });
    writeFileSync(path.join(staticDir, "chunks", "page-abc123.js"), script);
    writeFileSync(path.join(staticDir, "chunks", "tiny.js"), "1"); // brotli would not make it smaller: no copy
    writeFileSync(path.join(staticDir, "chunks", "font.woff2"), "compressed already ".repeat(100));
    expect(precompressStatic(staticDir)).toBe(1);
    // Whatever is not served in brotli here falls through to Next.js: this stands in for it.
    const next = async (_req: unknown, res: import("node:http").ServerResponse) => void res.writeHead(299).end("next");
    server = createServer(withPrecompressedStatic(next, staticDir));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  const get = (pathname: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<Answer>((resolve, reject) => {
      // The path as given, not normalised as a URL would be: a `..` must reach the server.
      request({ host: "127.0.0.1", port, path: pathname, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });

  it("sends the brotli copy, cacheable for a year, to a browser that accepts br", async () => {
    const answer = await get("/_next/static/chunks/page-abc123.js?v=1", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
    const head = await get("/_next/static/chunks/page-abc123.js", { "accept-encoding": "br" }, "HEAD");
    expect([head.status, head.headers["content-encoding"], head.body.length]).toEqual([200, "br", 0]);
  });

  it("leaves to Next.js a browser without br, a file without a copy, and anything outside /_next/static", async () => {
    for (const [pathname, encoding] of [
      ["/_next/static/chunks/page-abc123.js", "gzip, deflate"],
      ["/_next/static/chunks/page-abc123.js", "gzip, br;q=0"],
      ["/_next/static/chunks/tiny.js", "br"],
      ["/_next/static/chunks/font.woff2", "br"],
      ["/_next/static/chunks/../chunks/page-abc123.js", "br"],
      ["/_next/static/chunks/missing.js", "br"],
      ["/p/some-poll", "br"],
    ]) {
      const answer = await get(pathname, { "accept-encoding": encoding });
      expect([pathname, encoding, answer.status, answer.body.toString()]).toEqual([pathname, encoding, 299, "next"]);
    }
  });

  it("reads Accept-Encoding as browsers and proxies write it", () => {
    expect(acceptsBrotli("br")).toBe(true);
    expect(acceptsBrotli("gzip, deflate, br")).toBe(true);
    expect(acceptsBrotli("BR;q=0.5")).toBe(true);
    expect(acceptsBrotli("gzip, br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip, brotli")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});
