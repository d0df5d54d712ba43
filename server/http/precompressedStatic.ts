import { createReadStream, readdirSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const STATIC_PREFIX = "/_next/static/";
const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * `/_next/static/` in brotli, from the copies scripts/precompress.mjs made at build time (Next.js itself only
 * gzips, per request): to a browser that accepts br, the file's `.br` copy with `Content-Encoding: br`; to any
 * other, or for a file without a copy, Next.js's own answer (gzip). The files are content-hashed, so they are
 * cached for a year, as Next.js caches them. docs/adr/0023.
 *
 * `staticDir`: the build's `.next/static`. The copies are listed once, at start: a build replaces the server.
 */
export function withPrecompressedStatic(next: Handler, staticDir: string): Handler {
  const compressed = listCompressed(staticDir);
  if (compressed.size === 0) return next;
  return async (req, res) => {
    const file = precompressedFile(req, compressed);
    if (!file) return next(req, res);
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Encoding": "br",
      "Content-Length": compressed.get(file),
      Vary: "Accept-Encoding",
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") return void res.end();
    await new Promise<void>((resolve) => {
      createReadStream(path.join(staticDir, `${file}.br`))
        .on("error", () => {
          res.destroy();
          resolve();
        })
        .on("end", resolve)
        .pipe(res);
    });
  };
}

/** The static file (relative to `.next/static`) to send in brotli for this request, or null to leave it to Next.js. */
function precompressedFile(req: IncomingMessage, compressed: Map<string, number>): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const urlPath = req.url?.split("?", 1)[0] ?? "";
  if (!urlPath.startsWith(STATIC_PREFIX) || !acceptsBrotli(req.headers["accept-encoding"])) return null;
  let file: string;
  try {
    file = decodeURIComponent(urlPath.slice(STATIC_PREFIX.length));
  } catch {
    return null;
  }
  // Only names listed at start are served, so no path from the URL ever reaches the file system unchecked.
  return compressed.has(file) ? file : null;
}

/** Whether an Accept-Encoding header takes brotli (`br`, not refused with `q=0`). */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "br") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Every static file with a brotli copy, by its path under `.next/static` (with `/`), and the copy's size. */
function listCompressed(staticDir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  let entries;
  try {
    entries = readdirSync(staticDir, { recursive: true, withFileTypes: true });
  } catch {
    return sizes; // no build (development): nothing to add
  }
  const copies = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".br"));
  for (const copy of copies) {
    const full = path.join(copy.parentPath, copy.name);
    const relative = path.relative(staticDir, full).split(path.sep).join("/").slice(0, -".br".length);
    sizes.set(relative, statSync(full).size);
  }
  return sizes;
}
