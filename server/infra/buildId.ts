import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The pages' build, as `next build` wrote it (`.next/BUILD_ID`); "development" in development, where pages are
 * compiled on demand. Restaurant TVs compare it to reload themselves after a deploy (docs/adr/0030).
 */
export function readBuildId(dir: string, dev: boolean): string {
  if (dev) return "development";
  try {
    return readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "unknown";
  }
}
