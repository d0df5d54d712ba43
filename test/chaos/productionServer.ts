import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { findFreePort } from "../../server/infra/freePort";
import { UNLIMITED } from "../../server/limits/rules";
import { Browser } from "../support/browser";
import { stopChild } from "../support/childServer";
import { type ServerProcess, TEST_SESSION_SECRET } from "../support/serverProcess";
import { PRODUCTION_NODE_FLAGS } from "../../server/infra/nodeFlags";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The production server (`npm run start:prod`: server/index.ts with the built pages, NODE_ENV=production) as a
 * child process, on the given stores. Rate limits are off: the load votes from one address. Resolves once it
 * logs that it listens.
 */
export async function startProductionServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, "--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      SESSION_SECRET: TEST_SESSION_SECRET,
      RATE_LIMITS: JSON.stringify(UNLIMITED),
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/"message":"listening"/.test(output)) {
        child.stdout!.off("data", onData);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the production server exited with ${code} before listening:\n${output.slice(-4000)}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return { url, port, child, browser: (fromAddress?: string) => new Browser(url, fromAddress), stop: (signal = "SIGTERM") => stopChild(child, signal) };
}
