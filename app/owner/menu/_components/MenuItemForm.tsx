"use client";

import { type FormEvent, useId, useRef, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../../_i18n/I18nProvider";
import { Field, FieldError } from "../../../_ui/Field";
import { focusFirstInvalid } from "../../_components/formErrors";
import { useRestaurant } from "../../_components/useRestaurant";
import { type MenuItemDraft, type MenuItemErrors, type MenuItemFields, readMenuItemDraft } from "./menuItemDraft";
import { PhotoPicker } from "./PhotoPicker";

type Props = {
  initial: MenuItemDraft;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Resolves once saved: the form then starts over from `initial`. */
  onSubmit: (fields: MenuItemFields) => Promise<unknown>;
  onCancel?: () => void;
};

/** Name, description, price and photo of a dish, checked in the browser with the server's schema. */
export function MenuItemForm({ initial, submitLabel, pendingLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const { currency } = useRestaurant();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const change = (patch: Partial<MenuItemDraft>) => setDraft((current) => ({ ...current, ...patch }));
  // Once a submit found problems, errors follow the draft: each goes away as its field is fixed.
  const read = checked ? readMenuItemDraft(draft) : null;
  const errors: MenuItemErrors = read && "errors" in read ? read.errors : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readMenuItemDraft(draft);
    setChecked(true);
    if ("errors" in read) return focusFirstInvalid(form.current);
    // A refusal is shown by the caller, from its mutation; the draft stays for another try.
    if (await onSubmit(read.fields).then(() => true, () => false)) {
      setDraft(initial);
      setChecked(false);
    }
  }

  const nameError = errors.name && (errors.name === "required" ? t("common.required") : t("menu.error.name", { max: LIMITS.menuItemNameLength }));
  const descriptionError = errors.description ? t("menu.error.description", { max: LIMITS.menuItemDescriptionLength }) : undefined;
  return (
    <form ref={form} onSubmit={submit} noValidate className="stack menu-form">
      <fieldset className="stack">
        <legend>{t("menu.name")}</legend>
        <p id={`${id}-name-hint`} className="field__hint">{t("menu.nameHint")}</p>
        <div className="choice-row">
          <Field id={`${id}-nameEn`} lang="en" label={t("menu.nameEn")} value={draft.nameEn} maxLength={LIMITS.menuItemNameLength}
            onChange={(e) => change({ nameEn: e.target.value })} error={nameError} />
          <Field id={`${id}-nameKo`} lang="ko" label={t("menu.nameKo")} value={draft.nameKo} maxLength={LIMITS.menuItemNameLength}
            onChange={(e) => change({ nameKo: e.target.value })} error={nameError} />
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t("menu.description")}</label>
        <textarea id={`${id}-description`} value={draft.description} rows={2} maxLength={LIMITS.menuItemDescriptionLength}
          aria-invalid={descriptionError ? true : undefined} aria-describedby={descriptionError ? `${id}-description-error` : undefined}
          onChange={(e) => change({ description: e.target.value })} />
        <FieldError id={`${id}-description-error`} message={descriptionError} />
      </div>
      <Field id={`${id}-price`} label={t("menu.priceIn", { currency })} hint={t("menu.priceHint")} inputMode="decimal" value={draft.price} required
        className="field--short" onChange={(e) => change({ price: e.target.value })}
        error={errors.price && (errors.price === "required" ? t("common.required") : t("menu.error.price"))} />
      <PhotoPicker name={`${id}-photo`} value={draft.photoUrl} onChange={(photoUrl) => change({ photoUrl })} />
      <p className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
      </p>
    </form>
  );
}
