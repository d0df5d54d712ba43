"use client";

import { dishName } from "@/lib/dishName";
import { formatPrice } from "@/lib/format";
import { useI18n } from "../_i18n/I18nProvider";

export type SpecialView = { id: string; dish: { nameEn: string | null; nameKo: string | null; description: string; priceCents: number } };

/** Today's specials: each dish in the page's language, with its price in the restaurant's currency. */
export function SpecialsList({ specials, currency, className }: { specials: SpecialView[]; currency: string; className?: string }) {
  const { t, locale } = useI18n();
  if (specials.length === 0) return null;
  return (
    <section aria-labelledby="specials-heading" className={className} data-testid="todays-specials">
      <h2 id="specials-heading">{t("specials.today")}</h2>
      <ul>
        {specials.map((special) => (
          <li key={special.id}>
            <strong>{dishName(special.dish, locale)}</strong> — {formatPrice(special.dish.priceCents, locale, currency)}
            {special.dish.description && <span className="muted"> · {special.dish.description}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
