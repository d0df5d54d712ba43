import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// A machine without redis-server, Chromium or apt-get on PATH: only node is there.
const bareBin = mkdtempSync(path.join(tmpdir(), "tableside-bare-"));
symlinkSync(process.execPath, path.join(bareBin, "node"));
afterAll(() => rmSync(bareBin, { recursive: true, force: true }));
const bareEnv = { HOME: tmpdir(), PATH: bareBin, CHROMIUM_PATH: path.join(bareBin, "no-chromium") } as unknown as NodeJS.ProcessEnv;

const instruction = existsSync("/etc/debian_version") ? "sudo apt-get install -y redis-server chromium" : "brew install redis chromium";

describe("npm test on a machine without the system packages it needs", () => {
  it("the preflight names what is missing and the one command to install it", () => {
    const result = spawnSync(process.execPath, ["scripts/preflight.mjs"], { cwd: root, env: bareEnv, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("redis-server: the tests start private Redis servers");
    expect(result.stderr).toContain(`chromium: CHROMIUM_PATH=${bareEnv.CHROMIUM_PATH} is not a browser`);
    expect(result.stderr).toContain(instruction);
  });

  it("npm test stops before running any suite", () => {
    const result = spawnSync(process.execPath, ["scripts/test.mjs"], { cwd: root, env: bareEnv, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("stopped before running anything");
    expect(result.stdout).not.toContain("=== types");
    expect(result.stderr).toContain(instruction);
  });

  it("passes, naming the binaries it found, when they are installed", () => {
    const result = spawnSync(process.execPath, ["scripts/preflight.mjs"], { cwd: root, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/system ready \(redis-server \/\S+redis-server, Chromium \/\S+\)/);
  });
});
