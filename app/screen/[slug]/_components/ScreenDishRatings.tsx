"use client";

import { formatCount } from "@/lib/format";
import type { DishRating } from "@/lib/kindResults";
import { useI18n } from "../../../_i18n/I18nProvider";
import { Stars } from "./ScreenRating";
import styles from "./LiveScreen.module.css";

type Dish = { id: string; label: string };

/**
 * A rating per dish across the room: a card per dish (up to six, in two or three columns) with its stars, average,
 * count of ratings and a five-row histogram, five stars on top.
 */
export function ScreenDishRatings({ dishes }: { dishes: readonly DishRating<Dish>[] }) {
  const { t, locale } = useI18n();
  return (
    <ol className={styles.dishRatings} data-columns={dishes.length > 4 ? 3 : dishes.length > 1 ? 2 : 1}>
      {dishes.map(({ dish, rating }) => {
        const average = rating.average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
        return (
          <li key={dish.id} className={styles.dishRating} data-testid="screen-dish-rating">
            <p className={styles.dishName} title={dish.label}>{dish.label}</p>
            <p className={styles.dishAverage}>
              <Stars value={rating.average} label={t("rating.dishAverage", { dish: dish.label, average, count: formatCount(rating.count, locale) })} />
              <span className={styles.ratingFigure} data-testid="screen-dish-average">{rating.count > 0 ? average : "—"}</span>
              <span className={styles.ratingCount} data-testid="screen-dish-count">{t("rating.count", { count: formatCount(rating.count, locale) })}</span>
            </p>
            <ol className={styles.dishHistogram} aria-hidden="true">
              {rating.distribution.map((row) => (
                <li key={row.stars}>
                  <span>{row.stars}★</span>
                  <span className={styles.barTrack}>
                    <span className={styles.barFill} style={{ transform: `scaleX(${row.share})` }} />
                  </span>
                  <span>{formatCount(row.count, locale)}</span>
                </li>
              ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}
