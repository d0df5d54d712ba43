import type { Backing } from "./backing";
import type { Spread } from "./stats";

/** A table of the Markdown report: figures already formatted. */
export type Table = { title: string; head: string[]; rows: string[][]; notes?: string[] };

/** A bar per label (median with its min–max spread), or latency curves (ms at each percentile). */
export type Chart =
  | { kind: "bars"; file: string; title: string; unit: string; bars: { label: string; value: Spread }[] }
  | { kind: "curves"; file: string; title: string; unit: string; points: number[]; curves: { label: string; values: number[] }[] };

export type ScenarioResult = {
  title: string;
  /** What the scenario measures, in one or two sentences (README and report). */
  about: string;
  tables: Table[];
  charts: Chart[];
  /** Every number behind the tables, for the JSON file. */
  data: Record<string, unknown>;
  durationMs?: number;
};

export type ScenarioContext = {
  backing: Backing;
  long: boolean;
  /** `--screen-rate=N`: the screen scenario's steady vote rate, votes/s (default 300). */
  screenRate?: number;
  /** Shown on the progress bar: the phase and how far it is (0..1). */
  progress(phase: string, fraction?: number): void;
};

export type Scenario = {
  name: string;
  /** Part of a plain `npm run bench`. */
  inDefaultSuite: boolean;
  run(context: ScenarioContext): Promise<ScenarioResult>;
};

export const fmt = {
  n: (x: number, digits = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–"),
  spread: (s: Spread, digits = 0) =>
    Number.isFinite(s.median) ? `${fmt.n(s.median, digits)} (${fmt.n(s.min, digits)}–${fmt.n(s.max, digits)})` : "–",
  ratio: (s: Spread) => (Number.isFinite(s.median) ? `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : "–"),
  mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`,
};
