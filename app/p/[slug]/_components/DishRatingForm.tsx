"use client";

import { type FormEvent, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";

type Dish = { id: string; label: string; stars: readonly { id: string }[] };

type Props = {
  id: string;
  /** The rated dishes, labelled in the page's language, each with its five options, one star first. */
  dishes: readonly Dish[];
  /** The diner's current ballot (a changeable poll), shown as chosen. */
  initial?: readonly string[];
  disabled: boolean;
  onVote: (optionIds: string[]) => void;
};

/**
 * A rating per dish: a row of five thumb-sized stars per dish, one ballot for all of them. Each row is a group of
 * radio buttons, so a keyboard moves along a row with the arrow keys and a screen reader hears "Bibimbap: 4 stars";
 * a dish left without stars is not rated. Sending needs at least one rated dish.
 */
export function DishRatingForm({ id, dishes, initial = [], disabled, onVote }: Props) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(dishes.flatMap((dish) => dish.stars.filter((s) => initial.includes(s.id)).map((s) => [dish.id, s.id]))),
  );
  const picked = Object.values(chosen);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length > 0) onVote(picked);
  };
  return (
    <form id={id} onSubmit={submit} className="dish-rating">
      <p id="dish-rating-instructions" className="vote-instructions">{t("rating.rateDishes")}</p>
      {dishes.map((dish, d) => (
        <fieldset key={dish.id} className="dish-rating__dish" disabled={disabled} aria-describedby="dish-rating-instructions" data-testid={`dish-${d + 1}`}>
          <legend className="dish-rating__name">{dish.label}</legend>
          <div className="rating-stars__row">
            {dish.stars.map((star, i) => (
              <label key={star.id} className="rating-star dish-rating__star" data-chosen={chosen[dish.id] === star.id || undefined} data-testid={`rate-${d + 1}-${i + 1}`}>
                <input type="radio" className="visually-hidden" name={`dish-${d}`} value={star.id} checked={chosen[dish.id] === star.id}
                  aria-label={t(i === 0 ? "rating.dishStar" : "rating.dishStars", { dish: dish.label, stars: i + 1 })}
                  onChange={() => setChosen((now) => ({ ...now, [dish.id]: star.id }))} />
                <span aria-hidden="true">★</span>
                <span className="rating-star__number" aria-hidden="true">{i + 1}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="submit" className="button" disabled={disabled || picked.length === 0} aria-describedby={picked.length === 0 ? "dish-rating-pick" : undefined}>
        {t("rating.send")}
      </button>
      {picked.length === 0 && <p id="dish-rating-pick" className="muted">{t("rating.pickOne")}</p>}
    </form>
  );
}
