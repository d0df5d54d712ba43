import { readFileSync } from "node:fs";

/**
 * `npm run start:prod` as the process it starts: its leading `NAME=value` assignments and the command after them.
 * The Dockerfile's CMD and the topology suite's app processes are both held to it, so what the image runs is what
 * the topology test ran.
 */
export function productionCommand(): { env: Record<string, string>; argv: string[] } {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
  const words = pkg.scripts["start:prod"]!.split(/\s+/);
  const assignments = words.filter((word) => /^[A-Z_]+=/.test(word));
  return {
    env: Object.fromEntries(assignments.map((word) => word.split(/=(.*)/s).slice(0, 2) as [string, string])),
    argv: words.filter((word) => !assignments.includes(word)),
  };
}
