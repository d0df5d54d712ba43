import { fmt, type ScenarioResult, type Table } from "../support/scenario";
import { type Spread, spread } from "../support/stats";

type Results = Record<string, ScenarioResult>;
// The scenarios' own data objects, read by the names they write.
type Data = Record<string, any>;

const s = (x: number, digits = 1) => `${fmt.n(x / 1000, digits)} s`;

/**
 * Issue 18's table, from whichever of its scenarios ran: each figure beside its baseline in the same run (the
 * figure it is a ratio of, or the same measurement at a scale the issue does not target), the issue's "before"
 * and its target. A row whose scenario did not run says which to run.
 */
export function issue18Targets(results: Results): Table {
  const data = (name: string): Data | undefined => results[name]?.data as Data | undefined;
  const rows: string[][] = [];
  const missing = (figure: string, scenario: string, before: string, target: string) => rows.push([figure, `– (run \`${scenario}\`)`, "–", before, target]);

  const tp = data("throughput");
  const votesPerSec = (key: string) => spread((tp?.runs?.[key] ?? []).map((r: { votesPerSec: number }) => r.votesPerSec));
  if (tp) {
    rows.push(["full server ÷ raw ceiling (production ack)", fmt.ratio(tp.ratios.fullVsRaw as Spread), `raw ceiling ${fmt.spread(votesPerSec("raw"))} votes/s, full ${fmt.spread(votesPerSec("full"))}`, "0.57×", "≥ 0.80×"]);
    rows.push(["Postgres-only engine ÷ pessimistic-lock peer", fmt.ratio(tp.ratios.postgresVsPessimistic as Spread), `pessimistic ${fmt.spread(votesPerSec("pessimistic"))} votes/s, Postgres-only ${fmt.spread(votesPerSec("postgres"))}`, "7.8×", "≥ 12×"]);
  } else {
    missing("full server ÷ raw ceiling (production ack)", "throughput", "0.57×", "≥ 0.80×");
    missing("Postgres-only engine ÷ pessimistic-lock peer", "throughput", "7.8×", "≥ 12×");
  }

  const seed = data("seed");
  if (seed) {
    const wall = (engine: string) => spread((seed.tenThousand[engine] as { elapsedMs: number }[]).map((r) => r.elapsedMs));
    const redis = wall("redis");
    rows.push(["seed: 10,000 voters, Redis engine, wall", `${s(redis.median)} (${s(redis.min)}–${s(redis.max)})`, `Postgres-only engine ${s(wall("postgres").median)}`, "4.5 s", "≤ 2.5 s"]);
    rows.push(["seed: 100,000 voters / 10,000 coupons, wall", `${s(seed.crowd.wallMs)}${seed.crowd.ok ? "" : " (NOT EXACT)"}`, `10,000 voters × 10: ${s(redis.median * 10)}`, "38.4 s", "≤ 20 s"]);
  } else {
    missing("seed: 10,000 voters, Redis engine, wall", "seed", "4.5 s", "≤ 2.5 s");
    missing("seed: 100,000 voters / 10,000 coupons, wall", "seed", "38.4 s", "≤ 20 s");
  }

  const screens = { ...data("screen"), ...data("screen5k"), ...data("screen10k") } as Data;
  for (const [n, before, target] of [[5_000, "700 ms", "≤ 300 ms"], [10_000, "–", "≤ 600 ms"]] as const) {
    const [one, two, perSocket] = [screens[`screens${n}`], screens[`screens${n}x2`], screens[`screens${n}PerSocket`]];
    const figure = `vote-to-subscriber p99 at 300 votes/s, ${n.toLocaleString("en-US")} subscribers`;
    const shown = (run: Data) => `${fmt.n(run.p99)} ms (${run.connected}/${n} subscribed, ${fmt.n(run.voteRate)} votes/s, CPU ${fmt.n(run.serverCpuPercent)} %, ${fmt.n(run.serverCpuUsPerMessage)} µs/message)`;
    const baselines = [one && two ? `1 process: ${shown(one)}` : null, perSocket ? `1 process, frames per socket: ${shown(perSocket)}` : null].filter(Boolean).join("; ") || "–";
    if (two) rows.push([`${figure}, 2 processes (both cores)`, shown(two), baselines, before, target]);
    else if (one) rows.push([`${figure}, 1 process`, shown(one), baselines, before, target]);
    else missing(figure, n === 5_000 ? "screen5k" : "screen10k", before, target);
  }

  const commands = data("commands")?.["first vote"] as { clientCommands: { beforeAnswer: Record<string, number> }; counts: Record<string, number> } | undefined;
  if (commands) {
    const onPath = Object.entries(commands.clientCommands.beforeAnswer).filter(([name]) => name !== "ping");
    const inScripts = Object.entries(commands.counts).filter(([name]) => !/^(evalsha|ping|publish|xdel|config|info)/.test(name)).reduce((a, [, n]) => a + n, 0);
    rows.push(["Redis round trips per first vote", `${onPath.filter(([name]) => name === "evalsha").reduce((a, [, n]) => a + n, 0)} awaited (sent before the answer: ${onPath.map(([k, v]) => `${k} ${v}`).join(", ")})`, `${inScripts} commands inside the script`, "2 (+XDEL, publish)", "1 on the vote's path"]);
  } else missing("Redis round trips per first vote", "commands", "2 (+XDEL, publish)", "1 on the vote's path");

  const memory = data("subscriberMemory");
  if (memory) rows.push(["server memory per idle subscriber", `${fmt.n(memory.perSubscriberHeldRssBytes / 1024, 1)} KB RSS held (${fmt.n(memory.perSubscriberRssBytes / 1024, 1)} KB with the young generation's one-off growth of ${fmt.mb(memory.youngGenerationGrowthBytes)}; ${fmt.n(memory.perSubscriberHeapBytes / 1024, 1)} KB heap)`, `server RSS with ${memory.baselineSubscribers} subscribers ${fmt.mb(memory.before.rssBytes)}`, "–", "measured, ≤ 20 KB"]);
  else missing("server memory per idle subscriber", "subscriberMemory", "–", "measured, ≤ 20 KB");

  return {
    title: "Issue 18's targets (each figure beside its baseline in the same run)",
    head: ["figure", "measured", "same-run baseline", "issue 18's before", "target"],
    rows,
    notes: ["Ratios are taken within one round, then the median over rounds (min–max). Round trips: commands the server sent Redis before the answer (MONITOR), a script's inner calls left out; xdel (after the Postgres commit, per batch) and publish (coalesced) are not awaited by the vote."],
  };
}
