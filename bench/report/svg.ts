import type { Chart } from "../support/scenario";

/*
 * Hand-written SVG: two chart shapes (bars with whiskers, percentile curves) need about a hundred lines, render in
 * any browser and on GitHub, and diff as text; a charting library would bring a DOM or a canvas for nothing.
 */
const W = 760;
const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777"];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const text = (x: number, y: number, s: string, attrs = "") => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`;

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= value)!;
}

function bars(chart: Extract<Chart, { kind: "bars" }>): string {
  const rowH = 34;
  const left = 170;
  const right = 90;
  const top = 44;
  const H = top + chart.bars.length * rowH + 40;
  const max = niceMax(Math.max(...chart.bars.map((b) => (Number.isFinite(b.value.max) ? b.value.max : 0))));
  const x = (v: number) => left + (v / max) * (W - left - right);
  const out: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    out.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${top - 6}" y2="${H - 34}" stroke="#e5e7eb"/>`);
    out.push(text(x(v), H - 18, v.toLocaleString("en-US"), 'text-anchor="middle" fill="#6b7280"'));
  }
  chart.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const { median, min, max: hi } = b.value;
    out.push(text(left - 8, y + 18, b.label, 'text-anchor="end"'));
    if (!Number.isFinite(median)) return;
    out.push(`<rect x="${left}" y="${y + 4}" width="${Math.max(1, x(median) - left).toFixed(1)}" height="${rowH - 12}" fill="${PALETTE[i % PALETTE.length]}" opacity="0.85"/>`);
    out.push(`<line x1="${x(min)}" x2="${x(hi)}" y1="${y + 14}" y2="${y + 14}" stroke="#111827" stroke-width="1.5"/>`);
    for (const v of [min, hi]) out.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${y + 8}" y2="${y + 20}" stroke="#111827" stroke-width="1.5"/>`);
    out.push(text(x(hi) + 6, y + 18, Math.round(median).toLocaleString("en-US"), 'fill="#111827"'));
  });
  return frame(chart.title, `${chart.unit}; bar = median, whisker = min–max over runs`, H, out);
}

function curves(chart: Extract<Chart, { kind: "curves" }>): string {
  const H = 420;
  const left = 64;
  const right = 180;
  const top = 44;
  const bottom = 60;
  // x: the percentile on a "nines" scale, so the tail (99, 99.9) gets room: -log10(1 - p).
  const nines = (p: number) => -Math.log10(1 - p);
  const xMin = nines(chart.points[0]);
  const xMax = nines(chart.points.at(-1)!);
  const x = (p: number) => left + ((nines(p) - xMin) / (xMax - xMin)) * (W - left - right);
  const finite = chart.curves.flatMap((c) => c.values).filter((v) => Number.isFinite(v) && v > 0);
  const yMinLog = Math.floor(Math.log10(Math.max(0.01, Math.min(...finite, 1))));
  const yMaxLog = Math.ceil(Math.log10(Math.max(...finite, 1)));
  const y = (v: number) => top + (1 - (Math.log10(Math.max(v, 10 ** yMinLog)) - yMinLog) / Math.max(1, yMaxLog - yMinLog)) * (H - top - bottom);
  const out: string[] = [];
  for (let e = yMinLog; e <= yMaxLog; e++) {
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#e5e7eb"/>`);
    out.push(text(left - 6, y(10 ** e) + 4, `${10 ** e}`, 'text-anchor="end" fill="#6b7280"'));
  }
  for (const p of [0.5, 0.9, 0.99, 0.999].filter((p) => p >= chart.points[0] && p <= chart.points.at(-1)!)) {
    out.push(`<line x1="${x(p)}" x2="${x(p)}" y1="${top}" y2="${H - bottom}" stroke="#e5e7eb"/>`);
    out.push(text(x(p), H - bottom + 16, `p${+(p * 100).toFixed(1)}`, 'text-anchor="middle" fill="#6b7280"'));
  }
  chart.curves.forEach((c, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = c.values.map((v, j) => (Number.isFinite(v) ? `${x(chart.points[j]).toFixed(1)},${y(v).toFixed(1)}` : "")).filter(Boolean);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(" ")}"/>`);
    out.push(`<rect x="${W - right + 14}" y="${top + i * 20}" width="12" height="12" fill="${color}"/>`);
    out.push(text(W - right + 32, top + i * 20 + 11, c.label));
  });
  out.push(text(left + (W - left - right) / 2, H - 16, "percentile", 'text-anchor="middle" fill="#6b7280"'));
  return frame(chart.title, `${chart.unit}, log scale`, H, out);
}

function frame(title: string, subtitle: string, H: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    text(12, 20, title, 'font-size="15" font-weight="600"'),
    text(12, 36, subtitle, 'fill="#6b7280"'),
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

export function renderChart(chart: Chart): string {
  return chart.kind === "bars" ? bars(chart) : curves(chart);
}
