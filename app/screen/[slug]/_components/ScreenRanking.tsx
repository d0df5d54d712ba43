"use client";

import type { CSSProperties } from "react";
import { formatCount } from "@/lib/format";
import type { RankedOption } from "@/lib/kindResults";
import { useI18n } from "../../../_i18n/I18nProvider";
import styles from "./LiveScreen.module.css";

/** A ranking's current order, most Borda points first, each with its place, points and a bar against the leader. */
export function ScreenRanking({ order }: { order: readonly RankedOption[] }) {
  const { t, locale } = useI18n();
  const layout = { "--rows": order.length, "--half": order.length } as CSSProperties;
  return (
    <div className={styles.barsBox}>
      <ol className={styles.bars} style={layout} data-columns={1} aria-label={t("ranking.order")}>
        {order.map((option) => (
          <li key={option.id} className={styles.bar} data-leading={(option.place === 1 && option.points > 0) || undefined} data-testid="screen-ranked">
            <span className={styles.barLabel} title={option.label}>
              <span className={styles.place}>{option.place}</span> {option.label}
            </span>
            <span className={styles.barNumbers} data-testid="screen-points">{t("ranking.points", { points: formatCount(option.points, locale) })}</span>
            <span className={styles.barTrack} aria-hidden="true">
              <span className={styles.barFill} style={{ transform: `scaleX(${option.share})` }} />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
