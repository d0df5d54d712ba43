/** Latency summary of one run, in ms. `curve` holds the latency at each of CURVE_POINTS (for the charts). */
export type LatencySummary = { count: number; p50: number; p90: number; p99: number; max: number; mean: number; curve: number[] };

export const CURVE_POINTS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99, 0.995, 0.999];

export function summarize(samples: Float64Array | number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const count = sorted.length;
  const at = (q: number) => (count === 0 ? NaN : sorted[Math.min(count - 1, Math.floor(q * count))]);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: count ? sorted[count - 1] : NaN,
    mean: count ? sum / count : NaN,
    curve: CURVE_POINTS.map(at),
  };
}

/** The median of several runs and their spread (min and max), the form every figure in the table takes. */
export type Spread = { median: number; min: number; max: number; runs: number[] };

export function spread(runs: number[]): Spread {
  const finite = runs.filter(Number.isFinite);
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, runs };
}

/** Grows a Float64Array as samples arrive, without the cost of a plain array of boxed numbers. */
export class SampleBuffer {
  private data = new Float64Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Wall-clock ms with sub-ms precision, comparable between processes on one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();
