"use client";

import type { ReactNode } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";

type Props = {
  /** Without JavaScript the form posts to `action` (server/http/formVote.ts); with it, `onVote` takes the tap. */
  id: string;
  action: string;
  pollId: string;
  hidden?: ReactNode;
  /** The rating poll's five options, lowest first (lib/pollKinds.ts). */
  options: readonly { id: string }[];
  /** The diner's current stars (a changeable poll), shown as chosen. */
  current?: string;
  disabled: boolean;
  onVote: (optionIds: string[]) => void;
};

/** Five big stars, one tap each: a thumb-sized row on a phone, a button per star for a keyboard or screen reader. */
export function RatingForm({ id, action, pollId, hidden, options, current, disabled, onVote }: Props) {
  const { t } = useI18n();
  return (
    <form id={id} method="post" action={action}>
      <input type="hidden" name="pollId" value={pollId} />
      {hidden}
      <div role="group" aria-labelledby="rating-instructions" className="rating-stars">
        <p id="rating-instructions" className="vote-instructions">{t("rating.rate")}</p>
        <div className="rating-stars__row">
          {options.map((option, i) => (
            <button key={option.id} type="submit" name="optionId" value={option.id} className="rating-star" disabled={disabled}
              aria-label={t(i === 0 ? "rating.star" : "rating.stars", { stars: i + 1 })} aria-pressed={current === option.id}
              data-testid={`rate-${i + 1}`}
              onClick={(event) => {
                event.preventDefault();
                onVote([option.id]);
              }}>
              <span aria-hidden="true">★</span>
              <span className="rating-star__number" aria-hidden="true">{i + 1}</span>
            </button>
          ))}
        </div>
      </div>
    </form>
  );
}
