/**
 * `npm run bench` runs every scenario of the default suite; `npm run bench -- <name> [<name>…]` runs those only;
 * `--long` makes the screen scenario's memory run 60 s; `--screen-rate=N` sets its vote rate (votes/s). Starts its own Postgres and Redis (throwaway, temp dir)
 * and its own servers, and writes bench/results/<date>.{json,md} and <date>-*.svg. A run of the whole default
 * suite also refreshes the table in bench/README.md.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { reportMarkdown, tableMarkdown } from "./report/markdown";
import { issue18Targets } from "./report/targets";
import { renderChart } from "./report/svg";
import { startBacking } from "./support/backing";
import { ProgressBar } from "./support/progress";
import type { Scenario, ScenarioResult } from "./support/scenario";
import { bloom } from "./scenarios/bloom";
import { capacity } from "./scenarios/capacity";
import { changeVote } from "./scenarios/changeVote";
import { flusher } from "./scenarios/flusher";
import { groupCommit } from "./scenarios/groupCommit";
import { commandStats } from "./scenarios/commandStats";
import { dinerPage } from "./scenarios/dinerPage";
import { flood } from "./scenarios/flood";
import { openAnswers } from "./scenarios/openAnswers";
import { profile } from "./scenarios/profile";
import { screen, screen10k, screen5k } from "./scenarios/screen";
import { seed } from "./scenarios/seed";
import { socketFlood } from "./scenarios/socketFlood";
import { subscriberMemory } from "./scenarios/subscriberMemory";
import { throughput } from "./scenarios/throughput";
import { websocket } from "./scenarios/websocket";

const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const args = process.argv.slice(2);
  const long = args.includes("--long");
  const rateArg = args.find((a) => a.startsWith("--screen-rate="));
  const screenRate = rateArg ? Number(rateArg.split("=")[1]) : undefined;
  if (screenRate !== undefined && !(screenRate > 0)) throw new Error(`--screen-rate wants a positive number of votes/s, not ${rateArg}`);
  const names = args.filter((a) => !a.startsWith("--"));
  const all: Scenario[] = [throughput, websocket, screen, screen5k, screen10k, subscriberMemory, seed, openAnswers, flusher, groupCommit, bloom, changeVote, commandStats, flood, socketFlood, profile, capacity, dinerPage];
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length) throw new Error(`no scenario ${unknown.join(", ")}; there are: ${all.map((s) => s.name).join(", ")}`);
  const chosen = names.length ? all.filter((s) => names.includes(s.name)) : all.filter((s) => s.inDefaultSuite);

  const started = Date.now();
  const outDir = path.join(here, "results");
  // Minutes name a run; a second run started in the same minute gets its seconds too, rather than overwriting.
  const iso = new Date().toISOString().replace(/:/g, "");
  const date = existsSync(path.join(outDir, `${iso.slice(0, 15)}.json`)) ? iso.slice(0, 17) : iso.slice(0, 15);
  await mkdir(outDir, { recursive: true });
  const bar = new ProgressBar();
  process.stderr.write(`Starting a throwaway Postgres and Redis…\n`);
  const backing = await startBacking();
  const results: Record<string, ScenarioResult> = {};
  const failures: Record<string, string> = {};
  try {
    for (const [i, scenario] of chosen.entries()) {
      bar.start(scenario.name, i + 1, chosen.length);
      const t0 = Date.now();
      try {
        const result = await scenario.run({ backing, long, screenRate, progress: (phase, fraction) => bar.show(phase, fraction) });
        result.durationMs = Date.now() - t0;
        results[scenario.name] = result;
        bar.done(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      } catch (error) {
        failures[scenario.name] = String((error as Error).stack ?? error);
        bar.done(`FAILED: ${String((error as Error).message ?? error).slice(0, 300)}`);
      }
    }
  } finally {
    await backing.stop();
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
  const meta = { date, machine, wallMs: Date.now() - started, scenarios: chosen.map((s) => s.name), long };
  for (const result of Object.values(results)) for (const chart of result.charts) chart.file = `${date}-${chart.file}`;
  const targets = ["throughput", "seed", "screen", "screen5k", "screen10k", "commands", "subscriberMemory"].some((name) => results[name]) ? issue18Targets(results) : null;
  if (targets) results.targets = { title: "Issue 18's targets", about: "The figures of issue 18's table, gathered from the scenarios of this run.", tables: [targets], charts: [], data: {} };
  await writeFile(path.join(outDir, `${date}.json`), `${JSON.stringify({ ...meta, results, failures }, null, 2)}\n`);
  const markdown = reportMarkdown(meta, results);
  await writeFile(path.join(outDir, `${date}.md`), `${markdown}\n`);
  for (const result of Object.values(results)) {
    for (const chart of result.charts) await writeFile(path.join(outDir, chart.file), renderChart(chart));
  }
  if (!names.length && !Object.keys(failures).length) await refreshReadme(date, results);
  process.stderr.write(`\nWrote bench/results/${date}.json, ${date}.md and ${Object.values(results).flatMap((r) => r.charts).length} charts in ${(meta.wallMs / 60_000).toFixed(1)} min.\n`);
  for (const result of Object.values(results)) for (const table of result.tables) process.stdout.write(`\n${tableMarkdown(table)}\n`);
  if (Object.keys(failures).length) {
    process.stderr.write(`\nFailed: ${Object.keys(failures).join(", ")}\n${Object.values(failures).join("\n\n")}\n`);
    process.exitCode = 1;
  }
}

/** Puts the latest full run's tables between the markers of bench/README.md. */
async function refreshReadme(date: string, results: Record<string, ScenarioResult>) {
  const file = path.join(here, "README.md");
  if (!existsSync(file)) return;
  const readme = await readFile(file, "utf8");
  const start = "<!-- latest-results:start -->";
  const end = "<!-- latest-results:end -->";
  if (!readme.includes(start) || !readme.includes(end)) return;
  const body = [`From \`npm run bench\` of ${date} ([full report](results/${date}.md), [JSON](results/${date}.json)).`, ""];
  for (const [name, result] of Object.entries(results)) {
    body.push(`### ${result.title} (\`${name}\`)`, "");
    for (const table of result.tables) body.push(tableMarkdown(table), "");
    for (const chart of result.charts) body.push(`![${chart.title}](results/${chart.file})`, "");
  }
  const updated = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${body.join("\n")}\n${readme.slice(readme.indexOf(end))}`;
  await writeFile(file, updated);
}

await main();
