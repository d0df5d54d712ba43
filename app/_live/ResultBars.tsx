"use client";

import { formatShare } from "@/lib/format";
import type { Standing } from "@/lib/standings";
import { useI18n } from "../_i18n/I18nProvider";

/**
 * Results as horizontal bars, for the diner's phone and the owner's page (the live screen draws its own, bigger).
 * The list is one aria-live region, so a screen reader hears the new counts without being flooded: polite and
 * atomic, it reads the whole list once things settle.
 */
export function ResultBars({ standings, highlight, label, amount }: {
  standings: readonly Standing[];
  highlight?: Set<string>;
  label: string;
  /** What a count is in words: votes unless given (a ranking's points). */
  amount?: (count: number) => string;
}) {
  const { locale, t, votes } = useI18n();
  return (
    <ul className="result-bars" aria-label={label} aria-live="polite" aria-atomic="true">
      {standings.map((standing) => (
        <li key={standing.id} data-leading={standing.leading || undefined} data-mine={highlight?.has(standing.id) || undefined}>
          <div className="result-bars__text">
            <span className="result-bars__label">{standing.label}</span>
            <span className="result-bars__numbers">
              {(amount ?? votes)(standing.count)} · {formatShare(standing.share, locale)}
              {highlight?.has(standing.id) && <span className="visually-hidden">, {t("vote.selected")}</span>}
            </span>
          </div>
          <div className="result-bars__track" aria-hidden="true">
            <div className="result-bars__fill" style={{ transform: `scaleX(${standing.share})` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
