"use client";

import type { CSSProperties } from "react";
import { formatCount, formatShare } from "@/lib/format";
import type { Standing } from "@/lib/standings";
import { useI18n } from "../../../_i18n/I18nProvider";
import styles from "./LiveScreen.module.css";

/** More options than this go in two columns, so 20 still get text readable from the back of the room. */
const ONE_COLUMN_MAX = 8;

/**
 * Bars sized for across the room: the rows share the screen's height, so 2 or 20 options all fit without
 * scrolling. Widths animate with a transform (no layout work), and not at all for people who ask for less motion.
 */
export function ScreenBars({ standings }: { standings: readonly Standing[] }) {
  const { locale } = useI18n();
  const columns = standings.length > ONE_COLUMN_MAX ? 2 : 1;
  const layout = { "--rows": standings.length, "--half": Math.ceil(standings.length / 2) } as CSSProperties;
  return (
    <div className={styles.barsBox}>
    <ol className={styles.bars} style={layout} data-columns={columns}>
      {standings.map((standing) => (
        <li key={standing.id} className={styles.bar} data-leading={standing.leading || undefined} data-testid="screen-option">
          <span className={styles.barLabel} title={standing.label}>{standing.label}</span>
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
    </div>
  );
}
