"use client";

import { formatCount } from "@/lib/format";
import { dishRatingsOf } from "@/lib/kindResults";
import type { PollResults } from "@/lib/schemas";
import { useI18n } from "../_i18n/I18nProvider";
import { ResultBars } from "./ResultBars";

/**
 * A rating per dish on the diner's phone and the owner's page: per dish its average, its count of ratings and its
 * five-row histogram (five stars on top). `highlight`: the stars this diner gave.
 */
export function DishRatingBars({ options, results, highlight }: {
  /** The poll's options, labelled in the page's language (five per dish, lib/pollKinds.ts). */
  options: readonly { id: string; label: string; menuItemId?: string | null }[];
  results: PollResults | null;
  highlight?: Set<string>;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="stack" data-testid="dish-ratings">
      {dishRatingsOf(options, results).map(({ dish, stars, rating }, d) => {
        const average = rating.average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
        return (
          <section key={dish.id} aria-labelledby={`dish-rating-${d}`} data-testid="dish-rating">
            <h3 id={`dish-rating-${d}`} className="dish-rating__name">{dish.label}</h3>
            <p className="muted" data-testid="dish-rating-summary">
              {rating.count > 0 ? `★ ${average} · ` : ""}{t("rating.count", { count: formatCount(rating.count, locale) })}
            </p>
            <ResultBars highlight={highlight} label={t("rating.dishAverage", { dish: dish.label, average, count: formatCount(rating.count, locale) })}
              standings={rating.distribution.map((row) => ({ id: stars[row.stars - 1]?.id ?? String(row.stars), label: "★".repeat(row.stars), count: row.count, share: row.share, leading: false }))} />
          </section>
        );
      })}
    </div>
  );
}
