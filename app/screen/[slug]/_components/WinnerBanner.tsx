"use client";

import { useI18n } from "../../../_i18n/I18nProvider";
import type { Standing } from "@/lib/standings";
import styles from "./LiveScreen.module.css";

/** The outcome, once the poll is closed: the winner, the tied leaders, or that nobody voted. */
export function WinnerBanner({ leaders, hidden }: { leaders: readonly Standing[]; hidden: boolean }) {
  const { t, votes } = useI18n();
  if (hidden) return null;
  if (leaders.length === 0) return <p className={styles.winner}>{t("screen.noVotes")}</p>;
  return (
    <div className={styles.winner} role="status" data-testid="screen-winner">
      <span className={styles.winnerTitle}>{leaders.length === 1 ? t("screen.winner") : t("screen.tie")}</span>
      <span className={styles.winnerName}>{leaders.map((leader) => leader.label).join(" · ")}</span>
      <span className={styles.winnerVotes}>{votes(leaders[0].count)}</span>
    </div>
  );
}
