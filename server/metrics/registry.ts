/**
 * A small Prometheus registry: counters, gauges read at scrape time, histograms, rendered in the text format
 * (version 0.0.4). Per Services instance, not global, so tests with several servers in one process stay apart.
 */
type Labels = Record<string, string>;

interface Metric {
  render(): string[];
}

const labelText = (labels: Labels) => {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`);
  return pairs.length ? `{${pairs.join(",")}}` : "";
};

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`,
      ...[...this.values.values()].map((e) => `${this.name}${labelText(e.labels)} ${e.value}`)];
  }
}

/** Read when scraped: the value lives where it is kept (socket count, flusher state), not copied here. */
export class Gauge implements Metric {
  constructor(readonly name: string, readonly help: string, private readonly read: () => { labels?: Labels; value: number }[]) {}

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`,
      ...this.read().map((s) => `${this.name}${labelText(s.labels ?? {})} ${s.value}`)];
  }
}

export class Histogram implements Metric {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(readonly name: string, readonly help: string, private readonly buckets: readonly number[]) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count++;
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) this.counts[i]++;
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`,
      ...this.buckets.map((le, i) => `${this.name}_bucket{le="${le}"} ${this.counts[i]}`),
      `${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`];
  }
}

export class MetricsRegistry {
  private readonly metrics: Metric[] = [];

  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }

  gauge(name: string, help: string, read: () => { labels?: Labels; value: number }[]): Gauge {
    return this.add(new Gauge(name, help, read));
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, buckets));
  }

  render(): string {
    return `${this.metrics.flatMap((m) => m.render()).join("\n")}\n`;
  }

  private add<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }
}
