import { BENCH_SESSION_SECRET, runWorker, type ServerUnderTest } from "./children";
import type { BenchPoll } from "./polls";
import { spread, type Spread } from "./stats";
import type { VoteLoadJob, VoteLoadResult } from "./voteLoadMain";
import { newVoterPrefix } from "./voters";

export type LoadOptions = Omit<VoteLoadJob, "url" | "polls" | "secret" | "voters" | "transport"> & {
  transport?: "http" | "ws";
  voters?: VoteLoadJob["voters"];
};

/** Runs the load generator (its own process) against one server and returns what it measured. */
export function castVotes(
  server: { url: string },
  polls: BenchPoll[],
  options: LoadOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<VoteLoadResult> {
  const job: VoteLoadJob = {
    url: server.url,
    polls,
    secret: BENCH_SESSION_SECRET,
    transport: options.transport ?? "http",
    voters: options.voters ?? { prefix: newVoterPrefix() },
    ...options,
  };
  return runWorker<VoteLoadResult>("voteLoadMain.ts", job, onProgress);
}

/**
 * One vote through a full server, so the poll's Redis state is loaded (rebuilt from Postgres) before a server
 * without that logic (the raw ceiling) votes on it.
 */
export async function primePoll(fullServer: { url: string }, poll: BenchPoll): Promise<void> {
  const result = await castVotes(fullServer, [poll], { concurrency: 1, total: 1 });
  if (result.errors) throw new Error(`priming the poll failed: ${result.errorSamples.join("; ")}`);
}

/** Server CPU per vote (µs) and the server's CPU share, from two readings around a run. */
export async function measured<T extends { votes: number; elapsedMs: number }>(
  server: ServerUnderTest,
  run: () => Promise<T>,
): Promise<T & { serverCpuUsPerVote: number; serverCpuPercent: number }> {
  const before = await server.stats();
  const startedAt = performance.now();
  const result = await run();
  const wallMs = performance.now() - startedAt;
  const after = await server.stats();
  const cpuMs = after.cpuMs - before.cpuMs;
  // The window includes the warm-up and the workers' start: votes over it are estimated at the measured rate.
  const votesInWindow = Math.max(1, (result.votes / result.elapsedMs) * wallMs);
  return { ...result, serverCpuUsPerVote: (cpuMs * 1000) / votesInWindow, serverCpuPercent: (cpuMs / wallMs) * 100 };
}

/** Median and spread of one field over several runs. */
export const over = <T>(runs: T[], pick: (run: T) => number): Spread => spread(runs.map(pick));
