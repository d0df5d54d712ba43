// The production build of the pages (`next build`), skipped when nothing it is made from changed since the last
// one: a restart of a server serves within seconds instead of rebuilding for a minute. What it is made from is
// hashed by content (a git checkout changes every mtime), and the hash is kept beside the build in .next/.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { precompressStatic } from "./precompress.mjs";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const SOURCE_DIRS = ["app", "lib", "public", "server"];
const SOURCE_FILES = ["next.config.js", "scripts/precompress.mjs", "package-lock.json", "tsconfig.json", "tsconfig.next.json", "prisma/schema.prisma"];
// Not part of what `next build` ships: tests beside the code, and Prisma's generated client (made from the schema).
const SKIPPED = [/\.test\.tsx?$/, /^server\/infra\/db\/generated\//];
const stampOf = (root) => path.join(root, ".next", "tableside-sources.sha256");

function sourceFiles(root) {
  const files = SOURCE_FILES.filter((file) => existsSync(path.join(root, file)));
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      if (!SKIPPED.some((pattern) => pattern.test(file))) files.push(file);
    }
  }
  return files.sort();
}

/** One hash of every source the build is made from, by path and content. */
export function sourcesHash(root = projectRoot) {
  const hash = createHash("sha256");
  for (const file of sourceFiles(root)) hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  return hash.digest("hex");
}

/** Whether .next/ holds a finished build of exactly these sources. */
export function buildIsCurrent(root = projectRoot, hash = sourcesHash(root)) {
  const stamp = stampOf(root);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash;
}

/** Runs `next build` unless the last build was made from these very sources. Returns whether it built. */
export function buildIfChanged({ root = projectRoot, log = console.log, stdio = "inherit" } = {}) {
  const hash = sourcesHash(root);
  if (buildIsCurrent(root, hash)) {
    log("build: sources unchanged since the last build, serving it");
    return false;
  }
  log("build: next build");
  rmSync(stampOf(root), { force: true }); // a build that fails halfway must not pass for the last good one
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`next build failed${stdio === "inherit" ? "" : `:\n${result.stdout}\n${result.stderr}`}`);
  log(`build: ${precompressStatic(path.join(root, ".next", "static"))} static files precompressed (brotli)`);
  writeFileSync(stampOf(root), hash + "\n");
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    buildIfChanged();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
