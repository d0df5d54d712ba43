"use client";

import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { FieldError } from "../../../../_ui/Field";
import type { FieldProblem, PollDraft } from "./pollDraft";

type Props = {
  options: PollDraft["options"];
  invalid?: Map<number, FieldProblem>;
  countError?: boolean;
  onChange: (options: PollDraft["options"]) => void;
};

/** The poll's options: 2 to 20 labels, added and removed in place; a dish from the menu is marked as such. */
export function OptionsEditor({ options, invalid, countError, onChange, max = LIMITS.maxOptions }: Props & { max?: number }) {
  const { t } = useI18n();
  const update = (key: number, label: string) => onChange(options.map((o) => (o.key === key ? { ...o, label } : o)));
  const remove = (key: number) => onChange(options.filter((o) => o.key !== key));
  const add = () => onChange([...options, { key: Math.max(0, ...options.map((o) => o.key)) + 1, label: "" }]);
  const optionError = t("create.error.option", { max: LIMITS.optionLabelLength });

  return (
    <fieldset className="stack">
      <legend>{t("create.options")}</legend>
      <ol className="options-editor">
        {options.map((option, index) => {
          const id = `option-${option.key}`;
          const problem = invalid?.get(index);
          const bad = problem !== undefined;
          return (
            <li key={option.key}>
              <label htmlFor={id} className="visually-hidden">
                {t("create.option", { number: index + 1 })}
              </label>
              <input id={id} value={option.label} maxLength={LIMITS.optionLabelLength} required aria-invalid={bad || undefined}
                aria-describedby={bad ? `${id}-error` : undefined} placeholder={t("create.option", { number: index + 1 })}
                onChange={(event) => update(option.key, event.target.value)} />
              {options.length > LIMITS.minOptions && (
                <button type="button" className="icon-button" onClick={() => remove(option.key)}
                  aria-label={t("create.removeOption", { number: index + 1 })}>
                  ×
                </button>
              )}
              {option.menuItemId && <span className="badge">{t("create.menuDish")}</span>}
              <FieldError id={`${id}-error`} message={problem && (problem === "required" ? t("common.required") : optionError)} />
            </li>
          );
        })}
      </ol>
      {options.length < max && (
        <button type="button" className="button button--secondary button--small" onClick={add}>
          {t("create.addOption")}
        </button>
      )}
      <FieldError id="options-count-error" message={countError ? t("create.error.options", { min: LIMITS.minOptions, max }) : undefined} />
    </fieldset>
  );
}
