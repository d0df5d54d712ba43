"use client";

import { useI18n } from "../../../_i18n/I18nProvider";

type Offer = { title: string; discount: string; quantity: number };
type Stock = { left: number | null; quantity: number; running: boolean };

/**
 * Before voting: what the first voters win, and how many coupons are still there (unless the poll hides its
 * tally: then the count is not told). Nothing once they are gone.
 */
export function PromotionOffer({ offer, stock }: { offer: Offer; stock: Stock | null }) {
  const { t } = useI18n();
  if (!stock?.running || stock.left === 0) return null;
  return (
    <p className="offer">
      {t("vote.promotion", { quantity: offer.quantity, title: offer.title, discount: offer.discount })}{" "}
      {stock.left !== null && <strong>{t("vote.couponsLeft", { left: stock.left, quantity: stock.quantity })}</strong>}
    </p>
  );
}
