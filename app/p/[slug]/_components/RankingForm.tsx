"use client";

import { type FormEvent, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";

type Props = {
  id: string;
  /** The options, labelled in the page's language. */
  options: readonly { id: string; label: string }[];
  /** The diner's current order (a changeable poll), to start from. */
  initial?: readonly string[];
  disabled: boolean;
  onVote: (optionIds: string[]) => void;
};

/**
 * Tap-to-order: each tap on a not-yet-ranked option puts it next in the diner's order (the first tap is their
 * favourite). The order can be fixed with up, down and remove buttons, all real buttons, so a thumb and a keyboard
 * work alike; no dragging is needed. Sending needs at least one ranked option.
 */
export function RankingForm({ id, options, initial = [], disabled, onVote }: Props) {
  const { t } = useI18n();
  const [order, setOrder] = useState<string[]>(() => initial.filter((oid) => options.some((o) => o.id === oid)));
  const labelOf = (oid: string) => options.find((o) => o.id === oid)?.label ?? oid;
  const move = (index: number, by: number) =>
    setOrder((now) => {
      const next = [...now];
      const [item] = next.splice(index, 1);
      next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (order.length > 0) onVote(order);
  };
  const unranked = options.filter((o) => !order.includes(o.id));
  return (
    <form id={id} onSubmit={submit} className="ranking-form">
      <fieldset disabled={disabled} className="stack">
        <legend className="vote-instructions">{t("ranking.tapToOrder")}</legend>
        <h2 className="ranking-form__heading" id="ranking-mine">{t("ranking.yourOrder")}</h2>
        <ol className="ranking-form__order" aria-labelledby="ranking-mine" data-testid="ranking-order">
          {order.map((oid, index) => (
            <li key={oid} className="ranking-form__ranked">
              <span className="ranking-form__place" aria-hidden="true">{index + 1}</span>
              <span className="ranking-form__label">{labelOf(oid)}</span>
              <span className="ranking-form__moves">
                <button type="button" className="ranking-form__move" aria-label={t("ranking.moveUp", { label: labelOf(oid) })}
                  disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
                <button type="button" className="ranking-form__move" aria-label={t("ranking.moveDown", { label: labelOf(oid) })}
                  disabled={index === order.length - 1} onClick={() => move(index, 1)}>↓</button>
                <button type="button" className="ranking-form__move" aria-label={t("ranking.remove", { label: labelOf(oid) })}
                  onClick={() => setOrder((now) => now.filter((o) => o !== oid))}>✕</button>
              </span>
            </li>
          ))}
        </ol>
        {unranked.length > 0 && (
          <div role="group" aria-label={t("ranking.unranked")} className="vote-options">
            {unranked.map((option) => (
              <button key={option.id} type="button" className="vote-option" data-testid="rank-option"
                onClick={() => setOrder((now) => [...now, option.id])}>
                {option.label}
              </button>
            ))}
          </div>
        )}
        <button type="submit" className="button vote-submit" disabled={order.length === 0}>{t("vote.submit")}</button>
      </fieldset>
    </form>
  );
}
