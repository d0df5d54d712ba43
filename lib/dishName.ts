import type { Locale } from "./i18n";

export type DishNames = { nameEn: string | null; nameKo: string | null };

/** A dish's name in the page's language, or in the other one when it has none in this language. */
export function dishName(dish: DishNames, locale: Locale): string {
  const preferred = locale === "ko" ? dish.nameKo : dish.nameEn;
  return preferred ?? (locale === "ko" ? dish.nameEn : dish.nameKo) ?? "";
}

/**
 * How an option of a poll reads in the page's language. A menu dish's option shows the dish's name in that
 * language, unless the owner wrote their own label for it (a label that is neither of the dish's names): that
 * label is what they chose to show. Options without a dish, or whose dish left the menu, show their label.
 */
export function optionLabel(option: { label: string; menuItem?: DishNames | null }, locale: Locale): string {
  const dish = option.menuItem;
  if (!dish || (option.label !== dish.nameEn && option.label !== dish.nameKo)) return option.label;
  return dishName(dish, locale) || option.label;
}
