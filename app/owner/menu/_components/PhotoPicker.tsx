"use client";

import { MENU_PHOTOS, menuPhotoUrl } from "@/lib/menuPhotos";
import { useI18n } from "../../../_i18n/I18nProvider";

/** A dish photo from the library, as a row of pictured radio buttons; "no photo" first. */
export function PhotoPicker({ name, value, onChange }: { name: string; value: string; onChange: (photoUrl: string) => void }) {
  const { t } = useI18n();
  const choices = [{ url: "", label: t("menu.noPhoto") }, ...MENU_PHOTOS.map((id) => ({ url: menuPhotoUrl(id), label: t(`menu.photo.${id}`) }))];
  return (
    <fieldset className="photo-picker">
      <legend>{t("menu.photo")}</legend>
      <p className="field__hint">{t("menu.photoHint")}</p>
      <div className="photo-picker__choices">
        {choices.map((choice) => (
          <label key={choice.url || "none"} className="photo-picker__choice" data-checked={value === choice.url || undefined}>
            <input type="radio" name={name} value={choice.url} checked={value === choice.url} onChange={() => onChange(choice.url)} />
            {choice.url ? <img src={choice.url} alt="" width={80} height={60} /> : <span className="photo-picker__none" aria-hidden="true">—</span>}
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
