"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { currencyCodes } from "@/lib/currency";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../../_i18n/I18nProvider";
import { readApiError } from "../../../_trpc/errors";
import { useTRPC } from "../../../_trpc/react";
import { Field } from "../../../_ui/Field";
import { Notice } from "../../../_ui/Notice";
import { useRestaurant } from "../../_components/useRestaurant";

/** Name, currency (menu prices) and time zone (every time on owner pages, "today" at the counter, the CSV). */
export function RestaurantSettings() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const restaurant = useRestaurant();
  const [form, setForm] = useState({ name: restaurant.name, currency: restaurant.currency, timeZone: restaurant.timeZone });
  const save = useMutation(trpc.account.updateRestaurant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.auth.me.queryFilter()) }));
  const currencies = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "currency" });
    return currencyCodes().map((code) => ({ code, label: `${code} · ${names.of(code) ?? code}` }));
  }, [locale]);
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const change = (patch: Partial<typeof form>) => {
    save.reset();
    setForm((current) => ({ ...current, ...patch }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.name.trim()) save.mutate({ restaurantId: restaurant.id, ...form });
  }

  const failed = save.error && readApiError(save.error);
  return (
    <form onSubmit={submit} noValidate className="stack card settings" aria-labelledby="restaurant-heading">
      <h2 id="restaurant-heading">{t("settings.restaurant")}</h2>
      <Field id="restaurant-name" label={t("auth.restaurantName")} value={form.name} maxLength={LIMITS.nameLength} required
        onChange={(e) => change({ name: e.target.value })} error={form.name.trim() ? undefined : t("common.required")} />
      <div className="field">
        <label htmlFor="currency">{t("settings.currency")}</label>
        <p id="currency-hint" className="field__hint">{t("settings.currencyHint")}</p>
        <select id="currency" aria-describedby="currency-hint" value={form.currency} onChange={(e) => change({ currency: e.target.value })}>
          {currencies.map(({ code, label }) => <option key={code} value={code}>{label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="time-zone">{t("settings.timeZone")}</label>
        <p id="time-zone-hint" className="field__hint">{t("settings.timeZoneHint")}</p>
        <select id="time-zone" aria-describedby="time-zone-hint" value={form.timeZone} onChange={(e) => change({ timeZone: e.target.value })}>
          {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </select>
      </div>
      {save.isSuccess && <Notice tone="success">{t("common.saved")}</Notice>}
      {failed && <Notice tone="error">{t(failed.code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}</Notice>}
      <p className="actions">
        <button type="submit" className="button" disabled={save.isPending}>{t(save.isPending ? "common.saving" : "common.save")}</button>
      </p>
    </form>
  );
}
