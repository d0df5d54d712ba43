"use client";

import { formatPrice } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";

export type VoteOption = {
  id: string;
  label: string;
  menuItem?: { description: string; priceCents: number; photoUrl: string | null } | null;
};

/** An option's label; for a dish of a menu vote also its photo, description and price. */
export function DishDetails({ option }: { option: VoteOption }) {
  const { locale } = useI18n();
  const dish = option.menuItem;
  if (!dish) return <>{option.label}</>;
  return (
    <>
      {dish.photoUrl && <img src={dish.photoUrl} alt="" width={64} height={48} className="dish__photo" />}
      <span className="dish">
        <span className="dish__name">{option.label}</span>
        {dish.description && <span className="dish__description">{dish.description}</span>}
      </span>
      <span className="dish__price">{formatPrice(dish.priceCents, locale)}</span>
    </>
  );
}
