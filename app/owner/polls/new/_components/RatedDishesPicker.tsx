"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { dishName } from "@/lib/dishName";
import { MAX_RATED_DISHES } from "@/lib/pollKinds";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { useTRPC } from "../../../../_trpc/react";
import type { RatedDishDraft } from "./pollDraft";

/**
 * A rating per dish: a checkbox per dish of the menu, up to MAX_RATED_DISHES; none checked rates the poll itself.
 * Checkboxes, so a thumb, a keyboard and a screen reader all pick dishes the same way.
 */
export function RatedDishesPicker({ dishes, onChange }: { dishes: RatedDishDraft[]; onChange: (dishes: RatedDishDraft[]) => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const menu = useQuery(trpc.menu.list.queryOptions());
  const chosen = new Set(dishes.map((d) => d.menuItemId));
  const full = dishes.length >= MAX_RATED_DISHES;
  const toggle = (dish: { id: string; name: string }, on: boolean) =>
    onChange(on ? [...dishes, { menuItemId: dish.id, label: dish.name }] : dishes.filter((d) => d.menuItemId !== dish.id));

  return (
    <fieldset className="stack" data-testid="rated-dishes">
      <legend>{t("rating.dishes")}</legend>
      <p className="field__hint" id="rated-dishes-hint">{t("rating.dishesHint", { max: MAX_RATED_DISHES })}</p>
      {menu.data?.length === 0 && (
        <p className="field__hint">
          {t("create.fromMenuEmpty")} <Link href="/owner/menu">{t("create.goToMenu")}</Link>
        </p>
      )}
      {menu.data && menu.data.length > 0 && (
        <ul className="menu-picker">
          {menu.data.map((dish) => {
            const name = dishName(dish, locale);
            return (
              <li key={dish.id}>
                <label className="radio">
                  <input type="checkbox" checked={chosen.has(dish.id)} disabled={full && !chosen.has(dish.id)} aria-describedby="rated-dishes-hint"
                    onChange={(e) => toggle({ id: dish.id, name }, e.target.checked)} />
                  {name}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {full && <p className="field__hint" role="status">{t("rating.dishesFull", { max: MAX_RATED_DISHES })}</p>}
    </fieldset>
  );
}
