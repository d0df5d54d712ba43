import { createTRPCClient, httpLink } from "@trpc/client";
import { Redis } from "ioredis";
import type { AppRouter } from "../../server/routers/appRouter";
import { startSpareRedis } from "../support/backing";
import { BENCH_SESSION_SECRET, startServer } from "../support/children";
import { keepAliveFetch } from "../support/keepAliveFetch";
import { PollMaker } from "../support/polls";
import type { Scenario } from "../support/scenario";
import { newVoterPrefix, voterCookie } from "../support/voters";

type Counts = Record<string, number>;

function parseCommandStats(info: string): Counts {
  const counts: Counts = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) counts[match[1]] = Number(match[2]);
  return counts;
}

/** The commands of the vote, without the measurement's own CONFIG RESETSTAT and INFO. */
const ofVote = (counts: Counts) => Object.entries(counts).filter(([name]) => !name.startsWith("config") && !name.startsWith("info"));

function countNames(commands: { name: string }[]): Counts {
  const counts: Counts = {};
  for (const { name } of commands) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

const describe = (counts: Counts) =>
  ofVote(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(", ") || "none";

/**
 * Issue 2: the Redis commands one vote costs, from INFO commandstats on a Redis of its own (CONFIG RESETSTAT,
 * one vote, read): a first vote, a duplicate with the Bloom pre-check (the filter remembers the voter), and a
 * duplicate without it. An idle window of the same length shows what background work (flusher, snapshots) adds.
 */
export const commandStats: Scenario = {
  name: "commands",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("starting a Redis and servers of their own");
    const spare = await startSpareRedis(backing.root, "commandstats-redis");
    const redis = new Redis(spare.redisUrl);
    const servers = {
      on: await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: spare.redisUrl, precheck: "on" }),
      off: await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: spare.redisUrl, precheck: "off" }),
    };
    const maker = new PollMaker(servers.on.url, backing.databaseUrl);
    const rows: string[][] = [];
    const data: Record<string, unknown> = {};
    try {
      for (const mode of ["on", "off"] as const) {
        const server = servers[mode];
        const api = createTRPCClient<AppRouter>({
          links: [httpLink({ url: `${server.url}/api/trpc`, fetch: keepAliveFetch(1), headers: ({ op }) => ({ cookie: (op.context as { cookie: string }).cookie }) })],
        });
        const poll = await maker.openPoll();
        const prefix = newVoterPrefix();
        const vote = (voter: number) =>
          api.vote.cast.mutate({ pollId: poll.pollId, optionIds: [poll.optionIds[0]] }, { context: { cookie: voterCookie(prefix, voter, BENCH_SESSION_SECRET) } });
        await vote(0); // loads the poll's Redis state (a rebuild from Postgres): not part of any vote below
        await vote(0); // the duplicate path warmed
        await new Promise((r) => setTimeout(r, 300)); // let the first votes' background work settle
        const measure = async (label: string, action: () => Promise<unknown>) => {
          progress(`pre-check ${mode}: ${label}`, (mode === "off" ? 0.5 : 0) + 0.15);
          // MONITOR names each command a client sent (a round trip, unless pipelined) apart from a script's own calls.
          const monitor = await redis.monitor();
          const sent: { name: string; atMs: number }[] = [];
          monitor.on("monitor", (time: string, args: string[], source: string) => {
            if (source !== "lua" && !/^(config|info|monitor)$/i.test(args[0])) sent.push({ name: args[0].toLowerCase(), atMs: Number(time) * 1000 });
          });
          await new Promise((r) => setTimeout(r, 50));
          await redis.config("RESETSTAT");
          const t0 = performance.now();
          await action();
          const answeredAtMs = Date.now();
          const ms = performance.now() - t0;
          const counts = parseCommandStats(await redis.info("commandstats"));
          await new Promise((r) => setTimeout(r, 100)); // the vote's background commands (xdel, publish) arrive
          monitor.disconnect();
          const clientCommands = {
            beforeAnswer: countNames(sent.filter((c) => c.atMs <= answeredAtMs)),
            after: countNames(sent.filter((c) => c.atMs > answeredAtMs)),
          };
          await redis.config("RESETSTAT");
          await new Promise((r) => setTimeout(r, ms));
          const idle = parseCommandStats(await redis.info("commandstats"));
          return { counts, idle, ms, clientCommands };
        };
        const cases = mode === "on" ? [["first vote", () => vote(1)], ["duplicate, Bloom pre-check on", () => vote(1)]] : [["duplicate, Bloom pre-check off", () => vote(1)]];
        if (mode === "off") await vote(1); // voter 1's first vote on this server's poll
        for (const [label, action] of cases as [string, () => Promise<unknown>][]) {
          const { counts, idle, ms, clientCommands } = await measure(label, action);
          data[label] = { counts, idleSameLength: idle, ms, clientCommands };
          rows.push([
            label,
            describe(clientCommands.beforeAnswer),
            describe(clientCommands.after),
            describe(counts),
            String(ofVote(counts).reduce((a, [, v]) => a + v, 0)),
            describe(idle),
          ]);
        }
      }
    } finally {
      redis.disconnect();
      await maker.close();
      await Promise.all(Object.values(servers).map((s) => s.stop()));
      await spare.stop();
    }
    return {
      title: "Redis commands per vote",
      about: "INFO commandstats around exactly one vote on a Redis of its own (production server; the script's inner calls are counted by Redis under their own names).",
      tables: [
        {
          title: "Redis commands for one vote (INFO commandstats calls)",
          head: ["vote", "client commands before the answer", "client commands after it", "all commands", "calls", "idle window of the same length (background)"],
          rows,
          notes: [
            "Client commands (MONITOR, a script's own calls left out): each one a round trip unless pipelined with others; those before the answer are the vote's path (ping is the health probe's, in the background).",
            "evalsha = the vote script (with the vote's rate limit inside it: get, incr, pexpire; ADR 0010), or the rate limiter's own script on the Bloom pre-check's read-only path (get, incrby, pexpire); commands inside a script are counted under their own names (hmget, sadd, hincrby, xadd, hgetall…).",
            "xreadgroup after a first vote is the stream flusher waking for the new entry (background, not the vote's round trips); xdel is the vote path deleting its entry once Postgres has the ballot; publish is the live tally.",
          ],
        },
      ],
      charts: [],
      data,
    };
  },
};
