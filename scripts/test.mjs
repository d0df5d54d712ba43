// `npm test`: what the system must provide (scripts/preflight.mjs), then the type check, the dependency rules (.dependency-cruiser.cjs), the fault scenarios
// that count votes per second (alone), the vitest suite and the
// Playwright suite if e2e/ has any specs. The suites all run even if one fails.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareSystem } from "./preflight.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const e2eDir = path.join(root, "e2e");
const hasE2e =
  existsSync(e2eDir) &&
  readdirSync(e2eDir, { recursive: true }).some((file) => String(file).endsWith(".spec.ts"));

let env;
try {
  env = { ...prepareSystem({ e2e: hasE2e }), NEXT_TELEMETRY_DISABLED: "1" };
} catch (error) {
  console.error(`\n${error.message}\n`);
  console.log("npm test: FAILED — stopped before running anything");
  process.exit(1);
}

function run(label, command, args) {
  console.log(`\n=== ${label}: ${path.basename(command)} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) console.error(`${label}: could not run ${command}: ${result.error.message}`);
  const ok = result.status === 0;
  const seconds = Math.round((Date.now() - started) / 1000);
  return { label, ok, how: `${ok ? "passed" : `FAILED (${result.signal ?? `exit ${result.status}`})`} in ${seconds} s` };
}

const filter = process.argv.slice(2);
const filtered = filter.length > 0 ? [...filter, "--passWithNoTests"] : [];

const results = [
  run("types", bin("tsc"), ["--noEmit"]),
  run("dependencies", bin("depcruise"), ["server", "app", "e2e", "--config", ".dependency-cruiser.cjs"]),
  // Alone first: these count votes per second through a fault (vitest.faults.config.ts). With a filter, either run
  // may match nothing.
  run("faults, alone", bin("vitest"), ["run", "--config", "vitest.faults.config.ts", ...filtered]),
  run("unit and integration", bin("vitest"), ["run", ...filtered]),
];
if (hasE2e) results.push(run("end-to-end", bin("playwright"), ["test"]));

const summary = results.map((r) => `${r.label} ${r.how}`).join(", ") + (hasE2e ? "" : " (no e2e specs)");
const ok = results.every((r) => r.ok);
console.log(`\nnpm test: ${ok ? "PASSED" : "FAILED"} — ${summary}`);
process.exit(ok ? 0 : 1);
