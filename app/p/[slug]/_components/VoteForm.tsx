"use client";

import { type FormEvent, useEffect, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { DishDetails, type VoteOption } from "./DishDetails";
import type { PresenceProof } from "./useCastVote";

type Props = {
  /** Without JavaScript the form posts to `action` (server/http/formVote.ts); with it, `onVote` takes the tap. */
  id: string;
  action: string;
  pollId: string;
  presence: PresenceProof;
  options: readonly VoteOption[];
  multipleChoice: boolean;
  maxChoices: number;
  disabled: boolean;
  onVote: (optionIds: string[]) => void;
};

/** One tap on an option votes for it (a dish shows its photo, description and price); a multiple-choice poll takes up to `maxChoices` ticks and a send button. */
export function VoteForm({ id, action, pollId, presence, options, multipleChoice, maxChoices, disabled, onVote }: Props) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string[]>([]);
  // Until the script runs, the browser's own form sends the ticks: the send button cannot wait for a tick it never sees.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const hidden = (
    <>
      <input type="hidden" name="pollId" value={pollId} />
      {presence.tableCode && <input type="hidden" name="tableCode" value={presence.tableCode} />}
      {presence.ballotCode && <input type="hidden" name="ballotCode" value={presence.ballotCode} />}
    </>
  );

  if (!multipleChoice) {
    return (
      <form id={id} method="post" action={action}>
        {hidden}
        <div role="group" aria-labelledby="vote-instructions" className="vote-options">
        <p id="vote-instructions" className="vote-instructions">{t("vote.pickOne")}</p>
        {options.map((option) => (
          <button key={option.id} type="submit" name="optionId" value={option.id} className="vote-option" disabled={disabled}
            onClick={(event) => {
              event.preventDefault();
              onVote([option.id]);
            }}>
            <DishDetails option={option} />
          </button>
        ))}
        </div>
      </form>
    );
  }

  const toggle = (id: string) => setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now, id]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length > 0) onVote(picked);
  };
  return (
    <form id={id} method="post" action={action} onSubmit={submit} className="vote-options">
      {hidden}
      <fieldset disabled={disabled}>
        <legend className="vote-instructions">{t("vote.pickMany", { max: maxChoices })}</legend>
        {options.map((option) => {
          const checked = picked.includes(option.id);
          return (
            <label key={option.id} className="vote-option vote-option--check" data-checked={checked || undefined}>
              <input type="checkbox" name="optionId" value={option.id} checked={checked} onChange={() => toggle(option.id)}
                disabled={!checked && picked.length >= maxChoices} />
              <DishDetails option={option} />
            </label>
          );
        })}
        <button type="submit" className="button vote-submit" disabled={scripted && picked.length === 0}>
          {t("vote.submit")}
        </button>
      </fieldset>
    </form>
  );
}
