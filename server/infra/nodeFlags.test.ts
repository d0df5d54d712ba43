import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "./nodeFlags";

const root = new URL("../../", import.meta.url);

describe("the production server's Node flags", () => {
  it("are the ones npm run start:prod passes", () => {
    const scripts = JSON.parse(readFileSync(new URL("package.json", root), "utf8")).scripts as Record<string, string>;
    const command = scripts["start:prod"].split(" ");
    expect(command.slice(command.indexOf("node") + 1, -3)).toEqual(PRODUCTION_NODE_FLAGS);
  });

  it("are the ones the Docker image's CMD passes", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(new URL("Dockerfile", root), "utf8"))![1];
    expect(JSON.parse(cmd)).toEqual(["node", ...PRODUCTION_NODE_FLAGS, "--import", "tsx", "server/index.ts"]);
  });
});
