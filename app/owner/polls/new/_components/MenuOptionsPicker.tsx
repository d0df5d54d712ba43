"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { dishName } from "@/lib/dishName";
import { formatPrice } from "@/lib/format";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { useTRPC } from "../../../../_trpc/react";
import { useRestaurant } from "../../../_components/useRestaurant";
import { type OptionDraft, withMenuOption } from "./pollDraft";

/** A menu vote: each dish of the restaurant's menu can be added as an option once. */
export function MenuOptionsPicker({ options, onChange }: { options: OptionDraft[]; onChange: (options: OptionDraft[]) => void }) {
  const { t, locale } = useI18n();
  const { currency } = useRestaurant();
  const trpc = useTRPC();
  const menu = useQuery(trpc.menu.list.queryOptions());
  const chosen = new Set(options.flatMap((o) => (o.menuItemId ? [o.menuItemId] : [])));
  const full = options.length >= LIMITS.maxOptions && options.every((o) => o.label.trim() || o.menuItemId);

  return (
    <fieldset className="stack">
      <legend>{t("create.fromMenu")}</legend>
      {menu.data?.length === 0 ? (
        <p className="field__hint">
          {t("create.fromMenuEmpty")} <Link href="/owner/menu">{t("create.goToMenu")}</Link>
        </p>
      ) : (
        <p className="field__hint">{t("create.fromMenuHint")}</p>
      )}
      {menu.data && menu.data.length > 0 && (
        <ul className="menu-picker">
          {menu.data.map((dish) => (
            <li key={dish.id}>
              <button type="button" className="button button--secondary button--small" disabled={chosen.has(dish.id) || full}
                onClick={() => onChange(withMenuOption(options, { id: dish.id, name: dishName(dish, locale) }))}>
                {dish.photoUrl && <img src={dish.photoUrl} alt="" width={32} height={24} />}
                {t("create.addDish", { name: dishName(dish, locale) })}
                <span className="muted"> · {formatPrice(dish.priceCents, locale, currency)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
