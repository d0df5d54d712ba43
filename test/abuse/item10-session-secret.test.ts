import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSessionSecret } from "../../server/infra/sessionSecret";

/** Issue 13, item 10: an empty or too-short session-secret file stops the start with a clear message. */
describe("item 10: the kept session secret is checked", () => {
  const dirs: string[] = [];
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "tableside-secret-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("refuses an empty file and a short one, naming the file and what to do", async () => {
    for (const content of ["", "\n", "short-secret"]) {
      const dir = await dataDir();
      await writeFile(join(dir, "session-secret"), content);
      await expect(loadSessionSecret(undefined, dir)).rejects.toThrow(/session-secret holds a secret of \d+ characters; at least 32/);
    }
  });

  it("generates a secret once, keeps it, and prefers SESSION_SECRET", async () => {
    const dir = await dataDir();
    const first = await loadSessionSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await loadSessionSecret(undefined, dir)).toBe(first);
    expect(await loadSessionSecret("s".repeat(40), dir)).toBe("s".repeat(40));
  });
});
