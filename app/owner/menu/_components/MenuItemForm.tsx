"use client";

import { type FormEvent, useId, useRef, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../../_i18n/I18nProvider";
import { Field, FieldError } from "../../../_ui/Field";
import { focusFirstInvalid } from "../../_components/formErrors";
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
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<MenuItemErrors>({});
  const change = (patch: Partial<MenuItemDraft>) => setDraft((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readMenuItemDraft(draft);
    if ("errors" in read) {
      setErrors(read.errors);
      return focusFirstInvalid(form.current);
    }
    setErrors({});
    // A refusal is shown by the caller, from its mutation; the draft stays for another try.
    if (await onSubmit(read.fields).then(() => true, () => false)) setDraft(initial);
  }

  const descriptionError = errors.description ? t("menu.error.description", { max: LIMITS.menuItemDescriptionLength }) : undefined;
  return (
    <form ref={form} onSubmit={submit} noValidate className="stack menu-form">
      <Field id={`${id}-name`} label={t("menu.name")} value={draft.name} maxLength={LIMITS.menuItemNameLength} required
        onChange={(e) => change({ name: e.target.value })}
        error={errors.name ? t("menu.error.name", { max: LIMITS.menuItemNameLength }) : undefined} />
      <div className="field">
        <label htmlFor={`${id}-description`}>{t("menu.description")}</label>
        <textarea id={`${id}-description`} value={draft.description} rows={2} maxLength={LIMITS.menuItemDescriptionLength}
          aria-invalid={descriptionError ? true : undefined} aria-describedby={descriptionError ? `${id}-description-error` : undefined}
          onChange={(e) => change({ description: e.target.value })} />
        <FieldError id={`${id}-description-error`} message={descriptionError} />
      </div>
      <Field id={`${id}-price`} label={t("menu.price")} hint={t("menu.priceHint")} inputMode="decimal" value={draft.price} required
        className="field--short" onChange={(e) => change({ price: e.target.value })} error={errors.price ? t("menu.error.price") : undefined} />
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
