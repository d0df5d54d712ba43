import { spawnSync } from "node:child_process";
import path from "node:path";

/** Builds the pages once for the whole run (the servers the workers start serve this build). */
export default function globalSetup() {
  if (process.env.E2E_SKIP_BUILD === "1" || process.env.E2E_DEV === "1") return;
  const root = path.resolve(import.meta.dirname, "../..");
  const started = Date.now();
  const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  console.log(`e2e: next build took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
