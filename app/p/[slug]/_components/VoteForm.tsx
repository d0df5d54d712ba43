"use client";

import { type FormEvent, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { DishDetails, type VoteOption } from "./DishDetails";

type Props = {
  options: readonly VoteOption[];
  multipleChoice: boolean;
  maxChoices: number;
  disabled: boolean;
  onVote: (optionIds: string[]) => void;
};

/** One tap on an option votes for it (a dish shows its photo, description and price); a multiple-choice poll takes up to `maxChoices` ticks and a send button. */
export function VoteForm({ options, multipleChoice, maxChoices, disabled, onVote }: Props) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string[]>([]);

  if (!multipleChoice) {
    return (
      <div role="group" aria-labelledby="vote-instructions" className="vote-options">
        <p id="vote-instructions" className="vote-instructions">{t("vote.pickOne")}</p>
        {options.map((option) => (
          <button key={option.id} type="button" className="vote-option" disabled={disabled} onClick={() => onVote([option.id])}>
            <DishDetails option={option} />
          </button>
        ))}
      </div>
    );
  }

  const toggle = (id: string) => setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now, id]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length > 0) onVote(picked);
  };
  return (
    <form onSubmit={submit} className="vote-options">
      <fieldset disabled={disabled}>
        <legend className="vote-instructions">{t("vote.pickMany", { max: maxChoices })}</legend>
        {options.map((option) => {
          const checked = picked.includes(option.id);
          return (
            <label key={option.id} className="vote-option vote-option--check" data-checked={checked || undefined}>
              <input type="checkbox" checked={checked} onChange={() => toggle(option.id)}
                disabled={!checked && picked.length >= maxChoices} />
              <DishDetails option={option} />
            </label>
          );
        })}
        <button type="submit" className="button vote-submit" disabled={picked.length === 0}>
          {t("vote.submit")}
        </button>
      </fieldset>
    </form>
  );
}
