import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIfChanged, buildIsCurrent, sourcesHash } from "../scripts/build.mjs";

describe("npm start rebuilds only when the sources changed", () => {
  const root = mkdtempSync(path.join(tmpdir(), "tableside-build-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  for (const dir of ["app", "lib", "public", "server"]) write(`${dir}/index.ts`, `export const ${dir} = 1;\n`);
  write("package-lock.json", "{}");

  it("hashes what the build is made from, by content, and nothing else", () => {
    const first = sourcesHash(root);
    write("server/engine/vote.test.ts", "a test beside the code");
    write("server/infra/db/generated/client.ts", "generated from the schema");
    write("docs/notes.md", "not a source");
    expect(sourcesHash(root)).toBe(first);
    write("app/page.tsx", "export default function Page() { return null; }");
    const second = sourcesHash(root);
    expect(second).not.toBe(first);
    write("app/page.tsx", "export default function Page() { return 1; }");
    expect(sourcesHash(root)).not.toBe(second);
    write("package-lock.json", '{"lockfileVersion":3}');
    expect(sourcesHash(root)).not.toBe(second);
  });

  it("serves the last build when it is of these sources, and only then", () => {
    expect(buildIsCurrent(root)).toBe(false); // never built
    write(".next/BUILD_ID", "abc");
    write(".next/tableside-sources.sha256", sourcesHash(root) + "\n");
    expect(buildIsCurrent(root)).toBe(true);
    const lines: string[] = [];
    expect(buildIfChanged({ root, log: (line) => lines.push(line) })).toBe(false);
    expect(lines).toEqual(["build: sources unchanged since the last build, serving it"]);
    write("lib/format.ts", "export const changed = true;");
    expect(buildIsCurrent(root)).toBe(false);
  });
});
