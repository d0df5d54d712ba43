import { startServer } from "../support/children";
import { castVotes, measured, over } from "../support/load";
import { type BenchPoll, PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";
import { spread } from "../support/stats";
import { newVoterPrefix } from "../support/voters";

const ROUNDS = 3;
const VOTERS = 256; // one open tRPC WebSocket each, as many phones keep one while the poll page is open
const POLLS = 40; // voter v casts its k-th vote on poll k: every vote is a first vote
const DURATION_MS = 4_000;
const WARMUP_MS = 1_000;

/**
 * The same `vote.cast` mutation over each voter's open tRPC WebSocket (wsLink) against HTTP (httpLink) on the
 * same full server in the same round, both with the same voters pattern and 64 votes in flight for HTTP, one per
 * socket (256) for WebSocket.
 */
export const websocket: Scenario = {
  name: "ws",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("starting server");
    const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl });
    const maker = new PollMaker(server.url, backing.databaseUrl);
    const runs = { http: [] as Awaited<ReturnType<typeof castVotes>>[], ws: [] as Awaited<ReturnType<typeof castVotes>>[] };
    const cpu = { http: [] as number[], ws: [] as number[] };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const transport of round % 2 ? (["ws", "http"] as const) : (["http", "ws"] as const)) {
          progress(`round ${round + 1}/${ROUNDS}: ${transport} (making polls)`, (round * 2 + (transport === "ws" ? 1 : 0)) / (ROUNDS * 2));
          const polls: BenchPoll[] = [];
          for (let i = 0; i < POLLS; i++) polls.push(await maker.openPoll());
          progress(`round ${round + 1}/${ROUNDS}: ${transport}`, (round * 2 + (transport === "ws" ? 1 : 0)) / (ROUNDS * 2));
          const run = await measured(server, () =>
            castVotes(server, polls, {
              transport,
              voters: { prefix: newVoterPrefix(), pool: VOTERS },
              concurrency: transport === "ws" ? VOTERS : 64,
              warmupMs: WARMUP_MS,
              durationMs: DURATION_MS,
            }),
          );
          if (run.errors) throw new Error(`${transport}: ${run.errors} errors, e.g. ${run.errorSamples.join("; ")}`);
          runs[transport].push(run);
          cpu[transport].push(run.serverCpuUsPerVote);
        }
      }
    } finally {
      await maker.close();
      await server.stop();
    }
    const ratio = spread(runs.ws.map((r, i) => r.votesPerSec / runs.http[i].votesPerSec));
    const row = (label: string, r: typeof runs.http, c: number[]) => [
      label,
      fmt.spread(over(r, (x) => x.votesPerSec)),
      fmt.spread(over(r, (x) => x.latency.p50), 1),
      fmt.spread(over(r, (x) => x.latency.p99), 1),
      fmt.spread(spread(c)),
    ];
    return {
      title: "Vote over WebSocket",
      about: `vote.cast over each voter's open tRPC WebSocket (${VOTERS} sockets) against the same mutation over HTTP, same full server (production configuration), same round.`,
      tables: [
        {
          title: `Vote over WebSocket vs HTTP (${ROUNDS} rounds × ${DURATION_MS / 1000} s, median (min–max))`,
          head: ["transport", "votes/s", "p50 ms", "p99 ms", "server CPU µs/vote"],
          rows: [row("HTTP (httpLink, 64 in flight)", runs.http, cpu.http), row(`WebSocket (wsLink, ${VOTERS} sockets)`, runs.ws, cpu.ws)],
          notes: [`WebSocket ÷ HTTP votes/s within a round: ${fmt.ratio(ratio)}`],
        },
      ],
      charts: [
        {
          kind: "bars",
          file: "ws-vs-http.svg",
          title: "vote.cast: WebSocket vs HTTP (votes/s)",
          unit: "votes/s",
          bars: [
            { label: "HTTP", value: over(runs.http, (x) => x.votesPerSec) },
            { label: "WebSocket", value: over(runs.ws, (x) => x.votesPerSec) },
          ],
        },
      ],
      data: { ratio, runs: { http: runs.http.map(({ accepts, coupons, ...r }) => r), ws: runs.ws.map(({ accepts, coupons, ...r }) => r) }, serverCpuUsPerVote: cpu },
    };
  },
};
