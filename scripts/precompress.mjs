// Brotli copies of the build's static files (`.next/static`), made once at build time at the highest quality, so
// the server can send them as they are (server/http/precompressedStatic.ts): the framework's runtime alone is
// ~18 KB smaller in brotli than in the gzip Next.js makes per request (docs/adr/0023).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

/** The file types worth compressing; fonts and images are compressed already. */
export const PRECOMPRESSED_TYPES = [".js", ".css", ".json", ".svg", ".txt", ".map"];

/** Writes `<file>.br` beside every compressible file under `dir` (when it is smaller). Returns how many were written. */
export function precompressStatic(dir) {
  let written = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !PRECOMPRESSED_TYPES.includes(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const raw = readFileSync(file);
    const compressed = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    if (compressed.length >= raw.length) continue;
    writeFileSync(`${file}.br`, compressed);
    written++;
  }
  return written;
}
