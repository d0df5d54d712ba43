import { startServer } from "../support/children";
import { castVotes, measured, over } from "../support/load";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";
import { spread } from "../support/stats";

const RUNS = 2;
const TOTAL = 1_000;
const IN_FLIGHT = 64;

/** Answers a room might give: English and Korean, with the words repeating across answers as they do. */
const TEXTS = [
  "More kimchi jjigae please",
  "김치찌개가 최고예요",
  "Spicy tteokbokki with cheese",
  "떡볶이도 메뉴에 넣어 주세요",
  "bulgogi pizza",
  "불고기 피자를 먹고 싶어요",
  "A vegetarian bibimbap",
  "비빔밥은 채식으로",
];

/**
 * Open answers (answer.submit: word counting, profanity check, one SQL transaction per answer, docs/adr/0029)
 * beside first votes (vote.cast) on the same production server, round by round, on each engine: votes/s,
 * latency and server CPU per request, and the ratio within each round.
 */
export const openAnswers: Scenario = {
  name: "answers",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("starting servers");
    const servers = {
      redis: await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl }),
      postgres: await startServer("postgres", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl }),
    };
    const maker = new PollMaker(servers.redis.url, backing.databaseUrl);
    type Run = Awaited<ReturnType<typeof measured<Awaited<ReturnType<typeof castVotes>>>>>;
    const runs: Record<string, Run[]> = {};
    const steps = RUNS * 2 * 2;
    let step = 0;
    try {
      for (let round = 0; round < RUNS; round++) {
        for (const engine of ["redis", "postgres"] as const) {
          // Alternate which goes first, so a noisy neighbour slows both alike.
          const order = round % 2 === 0 ? (["vote", "answer"] as const) : (["answer", "vote"] as const);
          for (const what of order) {
            const poll = await maker.openPoll({ kind: what === "answer" ? "open" : "choice" });
            const server = servers[engine];
            const run = await measured(server, () =>
              castVotes(server, [poll], { concurrency: IN_FLIGHT, total: TOTAL, answerTexts: what === "answer" ? TEXTS : undefined }, (done) =>
                progress(`${what}s on ${engine}, round ${round + 1}/${RUNS}`, (step + done / TOTAL) / steps),
              ),
            );
            step++;
            // A shared machine can push the Redis engine's Postgres commit past its deadline (docs/adr/0016): such
            // refusals are counted and shown, not fatal; anything else that goes missing is.
            if (run.accepted + run.errors !== TOTAL || run.accepted < TOTAL * 0.9) {
              throw new Error(`${what} on ${engine}: ${run.accepted} accepted, ${run.errors} errors: ${run.errorSamples.join("; ")}`);
            }
            (runs[`${engine}:${what}`] ??= []).push(run);
          }
        }
      }
    } finally {
      // Also after a failed run: a server left running would load the next scenario's machine.
      await Promise.all(Object.values(servers).map((server) => server.stop()));
    }
    const row = (label: string, key: string) => [
      label,
      fmt.spread(over(runs[key], (r) => r.votesPerSec)),
      fmt.spread(over(runs[key], (r) => r.latency.p50), 1),
      fmt.spread(over(runs[key], (r) => r.latency.p99), 1),
      fmt.spread(over(runs[key], (r) => r.serverCpuUsPerVote)),
      fmt.n(runs[key].reduce((sum, r) => sum + r.errors, 0)),
    ];
    const ratio = (engine: string) => spread(runs[`${engine}:answer`].map((r, i) => r.votesPerSec / runs[`${engine}:vote`][i].votesPerSec));
    return {
      title: "Open answers beside first votes",
      about: `${TOTAL.toLocaleString("en-US")} open answers (answer.submit, ${TEXTS.length} English and Korean texts) and ${TOTAL.toLocaleString("en-US")} first votes on a 5-option poll, ${IN_FLIGHT} in flight over HTTP, on the production server of each engine, ${RUNS} rounds interleaved.`,
      tables: [
        {
          title: `Answers and first votes (median (min–max) of ${RUNS} runs)`,
          head: ["what", "per s", "p50 ms", "p99 ms", "server CPU µs each", "refused (all runs)"],
          rows: [
            row("first vote, Redis engine (ack after Postgres)", "redis:vote"),
            row("open answer, Redis engine (Postgres decides)", "redis:answer"),
            row("first vote, Postgres-only engine", "postgres:vote"),
            row("open answer, Postgres-only engine", "postgres:answer"),
          ],
          notes: [`Answers ÷ first votes, within each round: Redis engine ${fmt.ratio(ratio("redis"))}, Postgres-only engine ${fmt.ratio(ratio("postgres"))}.`],
        },
      ],
      charts: [
        {
          kind: "bars",
          file: "answers.svg",
          title: "Open answers beside first votes (per second)",
          unit: "per s",
          bars: Object.entries(runs).map(([key, r]) => ({ label: key.replace(":", " "), value: over(r, (x) => x.votesPerSec) })),
        },
      ],
      data: { runs },
    };
  },
};
