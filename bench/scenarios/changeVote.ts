import { startServer } from "../support/children";
import { castVotes, measured, over } from "../support/load";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";
import { spread } from "../support/stats";
import { newVoterPrefix } from "../support/voters";

const ROUNDS = 3;
/** Voters who change: 2,000 of them over 3 options, so each pass over the pool moves every voter to another option. */
const POOL = 2_000;
const OPTIONS = 3;
const DURATION_MS = 4_000;

/**
 * A change of ballot (docs/adr/0028: the swap in the vote script, the revision through the ledger) beside a first
 * vote, on the same production server and the same kind of poll (changeable, 3 options), interleaved rounds.
 */
export const changeVote: Scenario = {
  name: "changeVote",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("starting the server");
    const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl });
    const maker = new PollMaker(server.url, backing.databaseUrl);
    type Run = Awaited<ReturnType<typeof castVotes>> & { serverCpuUsPerVote: number };
    const runs: Record<"first" | "change", Run[]> = { first: [], change: [] };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const poll = await maker.openPoll({ optionCount: OPTIONS, changeableUntilClose: true });
        for (const mode of round % 2 ? (["change", "first"] as const) : (["first", "change"] as const)) {
          progress(`round ${round + 1}/${ROUNDS}: ${mode} votes`, (runs.first.length + runs.change.length) / (ROUNDS * 2));
          if (mode === "first") {
            const run = await measured(server, () => castVotes(server, [poll], { concurrency: 64, warmupMs: 1_000, durationMs: DURATION_MS }));
            if (run.errors || run.changed || run.alreadyVoted) throw new Error(`first votes: ${run.errors} errors, ${run.changed + run.alreadyVoted} not first ${run.errorSamples.join("; ")}`);
            runs.first.push(run);
          } else {
            const voters = { prefix: newVoterPrefix(), pool: POOL };
            // Their first ballots on the options rotated by one, so the measured pass (and each pass after it) moves
            // every voter to another option.
            const rotated = { ...poll, optionIds: [...poll.optionIds.slice(1), poll.optionIds[0]] };
            const first = await castVotes(server, [rotated], { voters, concurrency: 64, total: POOL });
            if (first.accepted !== POOL) throw new Error(`the changers' first votes: ${first.accepted} accepted, ${first.errorSamples.join("; ")}`);
            const run = await measured(server, () => castVotes(server, [poll], { voters, concurrency: 64, warmupMs: 1_000, durationMs: DURATION_MS }));
            if (run.errors || run.accepted || run.alreadyVoted) throw new Error(`changes: ${run.errors} errors, ${run.accepted + run.alreadyVoted} not changes ${run.errorSamples.join("; ")}`);
            runs.change.push(run);
          }
        }
      }
    } finally {
      await maker.close();
      await server.stop();
    }
    const row = (label: string, r: Run[]) => [
      label,
      fmt.spread(over(r, (x) => x.votesPerSec)),
      fmt.spread(over(r, (x) => x.latency.p50), 1),
      fmt.spread(over(r, (x) => x.latency.p99), 1),
      fmt.spread(over(r, (x) => x.serverCpuUsPerVote)),
    ];
    const ratio = spread(runs.change.map((r, i) => r.votesPerSec / runs.first[i].votesPerSec));
    return {
      title: "Change my vote",
      about: "Votes/s of a change of ballot on a changeable poll (the swap in one script, the revision committed to Postgres) beside a first vote on the same kind of poll.",
      tables: [
        {
          title: `Changeable poll, ${OPTIONS} options, 64 in flight (${ROUNDS} rounds × ${DURATION_MS / 1000} s, median (min–max))`,
          head: ["vote", "votes/s", "p50 ms", "p99 ms", "server CPU µs/vote"],
          rows: [row("first vote", runs.first), row(`change (${POOL.toLocaleString("en-US")} voters, each vote another option)`, runs.change)],
          notes: [`change ÷ first, votes/s within a round: ${fmt.ratio(ratio)}`],
        },
      ],
      charts: [
        {
          kind: "bars",
          file: "change-vote.svg",
          title: "First votes and changes, votes/s",
          unit: "votes/s",
          bars: [
            { label: "first vote", value: over(runs.first, (x) => x.votesPerSec) },
            { label: "change", value: over(runs.change, (x) => x.votesPerSec) },
          ],
        },
      ],
      data: { ratio, runs: Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.map(({ accepts, coupons, ...x }) => x)])) },
    };
  },
};
