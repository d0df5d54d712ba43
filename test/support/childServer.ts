import type { ChildProcess } from "node:child_process";
import { once } from "node:events";

/**
 * The port a server child process reports once it listens: its main prints `listening <port>` on stdout
 * (test/support/apiServerMain.ts, bench/support/benchServerMain.ts), or the production server logs its JSON line
 * `{…"port":<port>,…"message":"listening"}` (server/index.ts). Rejects with what it printed if it exits first.
 */
export function listeningPort(child: ChildProcess, name: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)|"port":(\d+)[^\n]*"message":"listening"/.exec(output);
      if (match) resolve(Number(match[1] ?? match[2]));
    });
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before listening:\n${output}`)));
  });
}

/** Sends the signal and waits for the exit; resolves to the exit code (null when the signal killed it). */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, "exit");
  child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}
