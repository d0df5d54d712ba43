"use client";

import { formatCount } from "@/lib/format";
import type { RatingSummary } from "@/lib/kindResults";
import { useI18n } from "../../../_i18n/I18nProvider";
import { ScreenBars } from "./ScreenBars";
import styles from "./LiveScreen.module.css";

/** A star rating across the room: the average in stars and figures, and a histogram, five stars on top. */
export function ScreenRating({ rating }: { rating: RatingSummary }) {
  const { t, locale } = useI18n();
  const average = rating.average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const standings = rating.distribution.map((row) => ({
    id: String(row.stars),
    label: "★".repeat(row.stars),
    count: row.count,
    share: row.share,
    leading: false,
  }));
  return (
    <div className={styles.rating}>
      <p className={styles.ratingAverage} data-testid="screen-rating-average">
        <Stars value={rating.average} label={t("rating.outOf", { average })} />
        <span className={styles.ratingFigure}>{rating.count > 0 ? average : "—"}</span>
        <span className={styles.ratingCount}>{t("rating.count", { count: formatCount(rating.count, locale) })}</span>
      </p>
      <ScreenBars standings={standings} />
    </div>
  );
}

/** Five stars filled to `value` (a fraction fills part of a star). */
export function Stars({ value, label }: { value: number; label: string }) {
  return (
    <span className={styles.stars} role="img" aria-label={label}>
      <span aria-hidden="true">★★★★★</span>
      <span aria-hidden="true" className={styles.starsFill} style={{ width: `${(value / 5) * 100}%` }}>★★★★★</span>
    </span>
  );
}
