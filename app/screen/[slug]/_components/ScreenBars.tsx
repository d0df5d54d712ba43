"use client";

import type { CSSProperties } from "react";
import { formatCount, formatShare } from "@/lib/format";
import type { Standing } from "@/lib/standings";
import { useI18n } from "../../../_i18n/I18nProvider";
import styles from "./LiveScreen.module.css";

/**
 * Bars sized for across the room: the rows share the screen's height, so 2 or 20 options all fit without
 * scrolling. Widths animate with a transform (no layout work), and not at all for people who ask for less motion.
 */
export function ScreenBars({ standings }: { standings: readonly Standing[] }) {
  const { locale } = useI18n();
  return (
    <ol className={styles.bars} style={{ "--rows": standings.length } as CSSProperties}>
      {standings.map((standing) => (
        <li key={standing.id} className={styles.bar} data-leading={standing.leading || undefined} data-testid="screen-option">
          <span className={styles.barLabel}>{standing.label}</span>
          <span className={styles.barNumbers}>
            <span data-testid="screen-count">{formatCount(standing.count, locale)}</span>
            <span className={styles.barShare}>{formatShare(standing.share, locale)}</span>
          </span>
          <span className={styles.barTrack} aria-hidden="true">
            <span className={styles.barFill} style={{ transform: `scaleX(${standing.share})` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
