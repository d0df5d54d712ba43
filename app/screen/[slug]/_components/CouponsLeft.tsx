"use client";

import { useI18n } from "../../../_i18n/I18nProvider";
import styles from "./LiveScreen.module.css";

type Stock = { left: number | null; quantity: number; running: boolean };

/**
 * "N of M coupons left", big, while the poll's promotion runs; "all gone" once none is left. A poll that hides its
 * tally from the room hides the count too (`left` null): the offer alone.
 */
export function CouponsLeft({ title, stock }: { title: string; stock: Stock | null }) {
  const { t } = useI18n();
  if (!stock?.running) return null;
  return (
    <div className={styles.coupons} data-testid="screen-coupons">
      <p className={styles.couponOffer}>{t("screen.couponOffer", { title })}</p>
      {stock.left !== null && (
        <p className={styles.couponsLeft}>
          {stock.left > 0 ? t("screen.couponsLeft", { left: stock.left, quantity: stock.quantity }) : t("screen.couponsGone", { quantity: stock.quantity })}
        </p>
      )}
    </div>
  );
}
