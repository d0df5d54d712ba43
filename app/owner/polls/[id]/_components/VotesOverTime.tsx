"use client";

import { formatTime } from "@/lib/format";
import type { PollResults } from "@/lib/schemas";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { type TallyPoint, useVotesOverTime } from "./useVotesOverTime";

// Okabe–Ito: told apart by people with the common colour-vision deficiencies.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D00"];
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 56, right: 12, top: 14, bottom: 40 };
// With equal counts, lines lie on each other: each series has its own dash pattern, and earlier ones are drawn
// wider underneath, so every line shows along a shared stretch.
const DASHES = [undefined, "10 5", "3 4", "14 4 3 4", "6 3", "2 6", "18 6", "8 3 2 3"];

type Props = { pollId: string; options: readonly { id: string; label: string }[]; results: PollResults | null };

/**
 * A step line per option: its votes over time. Counts change at a sample and hold until the next, so the line
 * steps rather than slopes between samples. Copes with no points (a note) and one point (dots). The chart's
 * text is sized for a phone, where the 640-unit chart is drawn about 350 px wide.
 */
export function VotesOverTime({ pollId, options, results }: Props) {
  const { t, locale } = useI18n();
  const points = useVotesOverTime(pollId, results);
  const last = points.at(-1);

  return (
    <section aria-labelledby="history-heading" className="card history">
      <h2 id="history-heading">{t("admin.history")}</h2>
      {!last || last.total === 0 ? (
        <p className="muted">{t("admin.historyEmpty")}</p>
      ) : (
        <figure>
          <Chart points={points} options={options} summary={t("admin.historySummary", {
            total: last.total, from: formatTime(points[0].at, locale), to: formatTime(last.at, locale),
          })} />
          <figcaption>
            <ul className="legend">
              {options.map((option, i) => (
                <li key={option.id}>
                  <span className="legend__swatch" style={{ background: COLOURS[i % COLOURS.length] }} aria-hidden="true" />
                  {option.label} ({last.counts[option.id] ?? 0})
                </li>
              ))}
            </ul>
          </figcaption>
        </figure>
      )}
    </section>
  );
}

function Chart({ points, options, summary }: { points: TallyPoint[]; options: Props["options"]; summary: string }) {
  const { locale } = useI18n();
  const start = points[0].at;
  const span = Math.max(1, points.at(-1)!.at - start);
  const most = Math.max(1, ...points.flatMap((p) => options.map((o) => p.counts[o.id] ?? 0)));
  const x = (at: number) => (points.length === 1 ? (PAD.left + WIDTH - PAD.right) / 2 : PAD.left + ((at - start) / span) * (WIDTH - PAD.left - PAD.right));
  const y = (count: number) => HEIGHT - PAD.bottom - (count / most) * (HEIGHT - PAD.top - PAD.bottom);

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="chart">
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="chart__axis" />
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(most)} y2={y(most)} className="chart__grid" />
      <text x={PAD.left - 6} y={y(0)} className="chart__label" textAnchor="end" dominantBaseline="middle">0</text>
      <text x={PAD.left - 6} y={y(most)} className="chart__label" textAnchor="end" dominantBaseline="middle">{most}</text>
      <text x={PAD.left} y={HEIGHT - 8} className="chart__label">{formatTime(start, locale)}</text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 8} className="chart__label" textAnchor="end">{formatTime(points.at(-1)!.at, locale)}</text>
      {options.map((option, i) => {
        const colour = COLOURS[i % COLOURS.length];
        const coords = points.flatMap((p, k) => {
          const here = `${x(p.at).toFixed(1)},${y(p.counts[option.id] ?? 0).toFixed(1)}`;
          return k === 0 ? [here] : [`${x(p.at).toFixed(1)},${y(points[k - 1].counts[option.id] ?? 0).toFixed(1)}`, here];
        });
        return points.length === 1 ? (
          <circle key={option.id} cx={x(points[0].at)} cy={y(points[0].counts[option.id] ?? 0)} r={5} fill={colour} />
        ) : (
          <polyline key={option.id} points={coords.join(" ")} fill="none" stroke={colour} strokeWidth={Math.max(2.5, 9 - 1.5 * i)}
            strokeDasharray={DASHES[i % DASHES.length]} strokeLinejoin="round" />
        );
      })}
    </svg>
  );
}
