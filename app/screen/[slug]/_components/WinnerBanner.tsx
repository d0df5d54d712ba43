"use client";

import { useI18n } from "../../../_i18n/I18nProvider";
import type { Standing } from "@/lib/standings";
import styles from "./LiveScreen.module.css";

/**
 * The outcome, once the poll is closed: the winner, the tied leaders, or that nobody voted. `amount` says what a
 * leader's number is (votes by default; a ranking's points); `outcome` replaces the lot (a rating's average).
 */
export function WinnerBanner({ leaders, hidden, amount, outcome }: {
  leaders: readonly Pick<Standing, "label" | "count">[];
  hidden: boolean;
  amount?: (count: number) => string;
  outcome?: { title: string; name: string; detail: string };
}) {
  const { t, votes } = useI18n();
  if (hidden) return null;
  if (outcome) {
    return (
      <div className={styles.winner} role="status" data-testid="screen-winner">
        <span className={styles.winnerTitle}>{outcome.title}</span>
        <span className={styles.winnerName}>{outcome.name}</span>
        <span className={styles.winnerVotes}>{outcome.detail}</span>
      </div>
    );
  }
  if (leaders.length === 0) return <p className={styles.winner}>{t("screen.noVotes")}</p>;
  return (
    <div className={styles.winner} role="status" data-testid="screen-winner">
      <span className={styles.winnerTitle}>{leaders.length === 1 ? t("screen.winner") : t("screen.tie")}</span>
      <span className={styles.winnerName}>{leaders.map((leader) => leader.label).join(" · ")}</span>
      <span className={styles.winnerVotes}>{(amount ?? votes)(leaders[0].count)}</span>
    </div>
  );
}
