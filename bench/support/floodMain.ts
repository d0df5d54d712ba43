/**
 * Issue 6's flood, in a worker: either one address minting a new voter identity per request (no cookie) at a fixed
 * rate, or diners on many other addresses voting once each through @trpc/client (test/support/browser.ts, whose
 * undici Agent binds the loopback address to connect from).
 */
import { Agent, request } from "undici";
import { Browser } from "../../test/support/browser";
import { workerMain } from "./children";

export type FloodJob =
  | { role: "attacker"; url: string; pollId: string; optionId: string; fromAddress: string; ratePerSec: number; durationMs: number }
  | { role: "diners"; url: string; pollId: string; optionIds: string[]; addresses: string[]; dinersPerAddress: number; durationMs: number };

export type FloodResult = { sent: number; accepted: number; refused: number; other: number; otherSamples: string[] };

async function attack(job: Extract<FloodJob, { role: "attacker" }>): Promise<FloodResult> {
  const agent = new Agent({ localAddress: job.fromAddress, connections: 64, pipelining: 1, keepAliveTimeout: 10_000 });
  const result: FloodResult = { sent: 0, accepted: 0, refused: 0, other: 0, otherSamples: [] };
  const body = JSON.stringify({ pollId: job.pollId, optionIds: [job.optionId] });
  const t0 = performance.now();
  const inFlight = new Set<Promise<void>>();
  while (performance.now() - t0 < job.durationMs) {
    const due = Math.floor(((performance.now() - t0) / 1000) * job.ratePerSec);
    while (result.sent < due && inFlight.size < 512) {
      result.sent++;
      const p = request(`${job.url}/api/trpc/vote.cast`, { method: "POST", dispatcher: agent, headers: { "content-type": "application/json" }, body })
        .then(async (res) => {
          const text = await res.body.text();
          if (res.statusCode === 200) result.accepted++;
          else if (res.statusCode === 429) result.refused++;
          else {
            result.other++;
            if (result.otherSamples.length < 3) result.otherSamples.push(`${res.statusCode} ${text.slice(0, 200)}`);
          }
        })
        .catch((error: unknown) => {
          result.other++;
          if (result.otherSamples.length < 3) result.otherSamples.push(String(error));
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inFlight);
  await agent.close();
  return result;
}

async function dine(job: Extract<FloodJob, { role: "diners" }>): Promise<FloodResult> {
  const result: FloodResult = { sent: 0, accepted: 0, refused: 0, other: 0, otherSamples: [] };
  const diners = job.addresses.flatMap((address) => Array.from({ length: job.dinersPerAddress }, () => new Browser(job.url, address)));
  // Spread over the flood: each diner votes at its own moment of the window.
  await Promise.all(
    diners.map(async (diner, i) => {
      await new Promise((r) => setTimeout(r, (job.durationMs * i) / diners.length));
      result.sent++;
      try {
        await diner.api.vote.cast.mutate({ pollId: job.pollId, optionIds: [job.optionIds[i % job.optionIds.length]] });
        result.accepted++;
      } catch (error) {
        const code = (error as { data?: { code?: string } }).data?.code;
        if (code === "TOO_MANY_REQUESTS") result.refused++;
        else {
          result.other++;
          if (result.otherSamples.length < 3) result.otherSamples.push(String((error as Error).message));
        }
      }
    }),
  );
  return result;
}

workerMain<FloodJob, FloodResult>((job) => (job.role === "attacker" ? attack(job) : dine(job)));
