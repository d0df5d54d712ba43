import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONFIG_VARIABLES, readEnv } from "../server/env";
import { productionCommand } from "./support/productionCommand";

// No container daemon runs on these machines: what can be checked without one is that the files agree with the code.
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const compose = parse(read("compose.yaml"), { merge: true }) as {
  services: Record<string, { image?: string; command?: string[]; environment?: Record<string, string>; healthcheck?: unknown }>;
  configs: Record<string, { content: string }>;
};
const example = Object.fromEntries(
  read(".env.example").split("\n").filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split(/=(.*)/s).slice(0, 2)),
);
const substitute = (value: string) => value.replace(/\$\{(\w+)\}/g, (_, name: string) => example[name] ?? `<unset ${name}>`);
const appServices = Object.entries(compose.services).filter(([, service]) => service.image === "tableside");
const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };

describe("the container files agree with the code", () => {
  it("every app service sets only variables the server reads, and the server accepts them", () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(["app1", "app2", "migrate"]);
    for (const [name, service] of appServices) {
      const environment = service.environment ?? {};
      expect(Object.keys(environment).filter((key) => !CONFIG_VARIABLES.includes(key)), name).toEqual([]);
      const env = Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, substitute(String(value))]));
      expect(() => readEnv({ ...env, NODE_ENV: "production" }), name).not.toThrow();
    }
  });

  it(".env.example fills every ${VARIABLE} compose.yaml uses, and nothing else", () => {
    const used = new Set([...read("compose.yaml").matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]));
    expect(Object.keys(example).sort()).toEqual([...used].sort());
  });

  it("the image serves the way npm run start:prod does, as a non-root user, healthy when ready", () => {
    const dockerfile = read("Dockerfile");
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    const cmd = JSON.parse(runtime.match(/^CMD (\[.*\])$/m)![1]) as string[];
    const startProd = productionCommand();
    expect(cmd).toEqual(startProd.argv);
    for (const [name, value] of Object.entries(startProd.env)) expect(runtime).toMatch(new RegExp(`^ENV .*\\b${name}=${value}\\b`, "m"));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/api\/ready/m);
  });

  it("migrations run once before the app processes, which wait for them", () => {
    expect(compose.services.migrate!.command).toEqual(["npm", "run", "migrate"]);
    expect(packageJson.scripts.migrate).toBeDefined();
    for (const name of ["app1", "app2"]) {
      expect(compose.services[name], name).toMatchObject({ depends_on: { migrate: { condition: "service_completed_successfully" } } });
    }
  });

  it("the balancer checks readiness and keeps WebSockets open", () => {
    const haproxy = compose.configs.haproxy!.content;
    expect(haproxy).toMatch(/option httpchk GET \/api\/ready/);
    expect(haproxy).toMatch(/timeout tunnel \d+h/);
    expect(haproxy).toMatch(/option forwardfor/);
    for (const name of ["app1", "app2"]) expect(haproxy).toMatch(new RegExp(`server ${name} ${name}:3000 check`));
  });
});
