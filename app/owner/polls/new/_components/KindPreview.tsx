"use client";

import type { PollKind } from "@/lib/pollKinds";
import { useI18n } from "../../../../_i18n/I18nProvider";

/** Sample figures: the preview shows the screen's layout, not results. */
const SAMPLE_SHARES = [0.9, 0.6, 0.4, 0.25, 0.15, 0.1];
const SAMPLE_STARS = [0.55, 0.25, 0.1, 0.06, 0.04];
const SAMPLE_AVERAGES = ["4.6", "4.1", "3.8", "3.5", "3.2", "2.9"];
const SAMPLE_WORDS = ["bibimbap", "spicy", "noodles", "dessert", "tea", "kimchi", "more veggie"];

/**
 * A miniature of the live screen for the chosen kind, drawn from the options typed so far (or placeholders), so the
 * owner sees what diners will see on the wall before creating the poll.
 */
export function KindPreview({ kind, labels, dishes = [] }: { kind: PollKind; labels: readonly string[]; /** a rating per dish's dishes */ dishes?: readonly string[] }) {
  const { t } = useI18n();
  const named = labels.map((label, i) => label || t("kind.previewOption", { number: i + 1 }));
  return (
    <figure className="kind-preview" data-testid="kind-preview" data-kind={kind}>
      <figcaption className="field__hint">{t("kind.preview")}</figcaption>
      {kind === "choice" && (
        <ol className="kind-preview__bars">
          {named.slice(0, 6).map((label, i) => (
            <li key={i}>
              <span>{label}</span>
              <span className="kind-preview__bar" style={{ transform: `scaleX(${SAMPLE_SHARES[i] ?? 0.1})` }} />
            </li>
          ))}
        </ol>
      )}
      {kind === "rating" && dishes.length > 0 && (
        <ol className="kind-preview__ranking" data-testid="kind-preview-dishes">
          {dishes.map((dish, i) => (
            <li key={i}>
              <span>{dish}</span>
              <span>
                <span aria-hidden="true">★ {SAMPLE_AVERAGES[i % SAMPLE_AVERAGES.length]}</span>
                <span className="visually-hidden">{t("rating.outOf", { average: SAMPLE_AVERAGES[i % SAMPLE_AVERAGES.length] })}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {kind === "rating" && dishes.length === 0 && (
        <div>
          <p className="kind-preview__stars" aria-label={t("rating.outOf", { average: "4.2" })}>★★★★☆ <strong>4.2</strong></p>
          <ol className="kind-preview__bars">
            {SAMPLE_STARS.map((share, i) => (
              <li key={i}>
                <span>{"★".repeat(5 - i)}</span>
                <span className="kind-preview__bar" style={{ transform: `scaleX(${share})` }} />
              </li>
            ))}
          </ol>
        </div>
      )}
      {kind === "ranking" && (
        <ol className="kind-preview__ranking">
          {named.slice(0, 6).map((label, i, all) => (
            <li key={i}>
              <span>{i + 1}. {label}</span>
              <span>{t("ranking.points", { points: (all.length - i) * 12 })}</span>
            </li>
          ))}
        </ol>
      )}
      {kind === "open" && (
        <p className="kind-preview__cloud">
          {SAMPLE_WORDS.map((word, i) => (
            <span key={word} style={{ fontSize: `${1.6 - i * 0.15}em` }}>{word} </span>
          ))}
        </p>
      )}
    </figure>
  );
}
