"use client";

import { MAX_RANKED_OPTIONS, POLL_KINDS, type PollKind } from "@/lib/pollKinds";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { KindPreview } from "./KindPreview";
import type { PollDraft } from "./pollDraft";

/** What the poll asks, with a small picture of what the screen will show, and whether answers may change. */
export function KindFields({ draft, onChange }: { draft: PollDraft; onChange: (patch: Partial<PollDraft>) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="stack">
      <legend>{t("kind.legend")}</legend>
      <div className="kind-picker">
        <div className="stack">
          {POLL_KINDS.map((kind) => (
            <label key={kind} className="radio kind-option">
              <input type="radio" name="kind" value={kind} checked={draft.kind === kind} aria-describedby={`kind-${kind}-hint`}
                onChange={() => onChange({ kind })} />
              <span>
                <strong>{t(`kind.${kind}`)}</strong>
                <span id={`kind-${kind}-hint`} className="field__hint">{hint(kind, t)}</span>
              </span>
            </label>
          ))}
        </div>
        <KindPreview kind={draft.kind} labels={draft.options.map((o) => o.label.trim())} dishes={draft.ratedDishes.map((d) => d.label)} />
      </div>
      <label className="radio">
        <input type="checkbox" name="changeableUntilClose" checked={draft.changeableUntilClose} aria-describedby="changeable-hint"
          onChange={(e) => onChange({ changeableUntilClose: e.target.checked })} />
        {t("kind.changeable")}
      </label>
      <p id="changeable-hint" className="field__hint">{t("kind.changeableHint")}</p>
    </fieldset>
  );
}

function hint(kind: PollKind, t: ReturnType<typeof useI18n>["t"]) {
  return kind === "ranking" ? t("kind.rankingHint", { max: MAX_RANKED_OPTIONS }) : t(`kind.${kind}Hint`);
}
