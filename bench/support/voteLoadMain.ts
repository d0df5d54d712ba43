/**
 * The load generator, a worker process of its own: casts votes over HTTP in tRPC's wire protocol by hand
 * (rawTrpcHttp.ts), or through @trpc/client's wsLink over one open tRPC WebSocket per voter, and reports
 * throughput and latency.
 * Vote k is cast by voter (k mod pool) on poll (k div pool mod polls), or by voter k on poll (k mod polls) without
 * a pool: first votes unless the pool has voted already.
 */
import { createTRPCClient, createWSClient, type TRPCClient, wsLink } from "@trpc/client";
import { WebSocket } from "ws";
import type { AppRouter } from "../../server/routers/appRouter";
import { workerMain } from "./children";
import { rawTrpcMutations } from "./rawTrpcHttp";
import { type LatencySummary, SampleBuffer, summarize, wallNow } from "./stats";
import { voterCookie } from "./voters";

export type VoteLoadJob = {
  url: string;
  polls: { pollId: string; optionIds: string[] }[];
  secret: string;
  transport: "http" | "ws";
  voters: { prefix: string; pool?: number };
  concurrency: number;
  /** Closed loop for a time: `warmupMs` unrecorded, then `durationMs` measured. */
  durationMs?: number;
  warmupMs?: number;
  /** Or closed loop for exactly this many votes, all recorded. */
  total?: number;
  /** Or open loop: this many votes a second for durationMs (concurrency caps votes in flight). */
  ratePerSec?: number;
  /** Open answers instead of votes: answer k is `answerTexts[k mod length]` (answer.submit, docs/adr/0029). */
  answerTexts?: string[];
  /** Keep [seq, time accepted] of every accepted vote, for vote-to-screen latency. */
  recordAccepts?: boolean;
};

export type VoteLoadResult = {
  votes: number;
  votesPerSec: number;
  elapsedMs: number;
  errors: number;
  errorSamples: string[];
  accepted: number;
  /** Ballots that replaced the voter's earlier one (a changeable poll, docs/adr/0028). */
  changed: number;
  alreadyVoted: number;
  coupons: string[];
  latency: LatencySummary;
  clientCpuPercent: number;
  accepts?: number[];
};

type Api = TRPCClient<AppRouter>;
type VoteOutcome = { status: string; coupon: { code: string } | null; results: { seq: number } | null };

/** A mutation by path, for the voter whose cookie is given (over HTTP) or whose socket it is (over WebSocket). */
type Mutate = (path: "vote.cast" | "answer.submit", input: unknown, cookie: string) => Promise<unknown>;

function overWebSocket(api: Api): Mutate {
  return (path, input) =>
    path === "vote.cast"
      ? api.vote.cast.mutate(input as Parameters<Api["vote"]["cast"]["mutate"]>[0])
      : api.answer.submit.mutate(input as Parameters<Api["answer"]["submit"]["mutate"]>[0]);
}

/** One open tRPC WebSocket per voter, each carrying that voter's cookie on its upgrade request. */
async function wsVoters(job: VoteLoadJob, progress: (done: number, total: number) => void): Promise<[(k: number) => Mutate, () => void]> {
  const pool = job.voters.pool ?? 0;
  if (!pool) throw new Error("the WebSocket transport needs a voter pool (one socket per voter)");
  const clients: Api[] = [];
  const closers: (() => void)[] = [];
  for (let start = 0; start < pool; start += 100) {
    const batch = Array.from({ length: Math.min(100, pool - start) }, (_, i) => {
      const cookie = voterCookie(job.voters.prefix, start + i, job.secret);
      class VoterSocket extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie } });
        }
      }
      return new Promise<void>((resolve) => {
        const wsClient = createWSClient({
          url: `${job.url.replace(/^http/, "ws")}/api/trpc`,
          WebSocket: VoterSocket as unknown as typeof globalThis.WebSocket,
          onOpen: () => resolve(),
        });
        clients[start + i] = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
        closers.push(() => wsClient.close());
      });
    });
    await Promise.all(batch);
    progress(start + batch.length, pool);
  }
  return [(k) => overWebSocket(clients[k % pool]), () => closers.forEach((close) => close())];
}

async function run(job: VoteLoadJob, progress: (done: number, total: number) => void): Promise<VoteLoadResult> {
  const pool = job.voters.pool ?? 0;
  const overHttp = rawTrpcMutations(job.url, job.concurrency);
  const [mutateOf, close]: [(k: number) => Mutate, () => void] = job.transport === "ws" ? await wsVoters(job, () => {}) : [() => overHttp, () => {}];
  const latencies = new SampleBuffer();
  const accepts: number[] = [];
  const coupons: string[] = [];
  const errorSamples: string[] = [];
  let errors = 0, accepted = 0, changed = 0, alreadyVoted = 0, next = 0, recorded = 0;
  let recording = !job.warmupMs;

  const castOne = async (k: number) => {
    const voter = pool ? k % pool : k;
    const poll = job.polls[pool ? Math.floor(k / pool) % job.polls.length : k % job.polls.length];
    const cookie = job.transport === "http" ? voterCookie(job.voters.prefix, voter, job.secret) : "";
    const started = performance.now();
    try {
      // An open answer is read as a vote's outcome: `accepted` or a repeat.
      const outcome = (
        job.answerTexts
          ? await mutateOf(k)("answer.submit", { pollId: poll.pollId, text: job.answerTexts[k % job.answerTexts.length] }, cookie)
          : await mutateOf(k)("vote.cast", { pollId: poll.pollId, optionIds: [poll.optionIds[k % poll.optionIds.length]] }, cookie)
      ) as VoteOutcome;
      if (!recording) return;
      latencies.push(performance.now() - started);
      recorded++;
      if (outcome.status === "accepted") accepted++;
      else if (outcome.status === "changed") changed++;
      else alreadyVoted++;
      if (outcome.coupon) coupons.push(outcome.coupon.code);
      if (job.recordAccepts && outcome.status === "accepted" && outcome.results) accepts.push(outcome.results.seq, wallNow());
    } catch (error) {
      errors++;
      if (errorSamples.length < 3) errorSamples.push(String((error as Error).message ?? error));
    }
  };

  const target = job.total ?? Infinity;
  let stopAt = Infinity;
  const ticker = setInterval(() => progress(recorded + errors, job.total ?? 0), 250);
  let measureStart = performance.now();
  let cpuStart = process.cpuUsage();
  const startRecording = () => {
    recording = true;
    measureStart = performance.now();
    cpuStart = process.cpuUsage();
    stopAt = job.durationMs ? measureStart + job.durationMs : Infinity;
  };
  if (!job.warmupMs) startRecording();
  else setTimeout(startRecording, job.warmupMs);

  if (job.ratePerSec) {
    // Open loop: keep to the schedule, whatever the latency; `concurrency` only guards against a runaway queue.
    let inFlight = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        if (now >= stopAt || next >= target) {
          clearInterval(timer);
          const wait = setInterval(() => inFlight === 0 && (clearInterval(wait), resolve()), 5);
          return;
        }
        const due = Math.floor(((now - measureStart) / 1000) * job.ratePerSec!);
        while (recording && next < due && inFlight < job.concurrency) {
          inFlight++;
          void castOne(next++).finally(() => inFlight--);
        }
      }, 2);
    });
  } else {
    const worker = async () => {
      while (next < target && performance.now() < stopAt) await castOne(next++);
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
  }
  const elapsedMs = performance.now() - measureStart;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(ticker);
  close();
  return {
    votes: recorded,
    votesPerSec: (recorded / elapsedMs) * 1000,
    elapsedMs,
    errors,
    errorSamples,
    accepted,
    changed,
    alreadyVoted,
    coupons,
    latency: summarize(latencies.values()),
    clientCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
    accepts: job.recordAccepts ? accepts : undefined,
  };
}

workerMain(run);
