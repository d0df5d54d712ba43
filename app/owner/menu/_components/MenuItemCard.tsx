"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dishName } from "@/lib/dishName";
import { formatPrice } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";
import { readApiError } from "../../../_trpc/errors";
import { useTRPC } from "../../../_trpc/react";
import { Notice } from "../../../_ui/Notice";
import { useRestaurant } from "../../_components/useRestaurant";
import { draftOf, type MenuItem } from "./menuItemDraft";
import { MenuItemForm } from "./MenuItemForm";

/** One dish on the menu: how diners will see it, and editing or removing it in place. */
export function MenuItemCard({ item }: { item: MenuItem }) {
  const { t, locale } = useI18n();
  const { currency } = useRestaurant();
  const name = dishName(item, locale);
  const otherName = dishName(item, locale === "ko" ? "en" : "ko");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "edit" | "confirmRemove">("view");
  const refresh = () => queryClient.invalidateQueries(trpc.menu.list.queryFilter());
  const update = useMutation(trpc.menu.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.menu.remove.mutationOptions({ onSuccess: refresh }));
  const failed = update.error ?? remove.error;
  const headingId = `dish-${item.id}`;

  return (
    <li className="card menu-item" aria-labelledby={headingId}>
      {item.photoUrl && <img src={item.photoUrl} alt="" width={160} height={120} className="menu-item__photo" />}
      <div className="menu-item__body">
        <h2 id={headingId} className="menu-item__name">{name}</h2>
        {otherName !== name && <p className="muted" lang={locale === "ko" ? "en" : "ko"}>{otherName}</p>}
        {item.description && <p className="muted">{item.description}</p>}
        <p className="menu-item__price">{formatPrice(item.priceCents, locale, currency)}</p>
        {mode === "view" && (
          <p className="actions">
            <button type="button" className="button button--small button--secondary" onClick={() => setMode("edit")}>
              {t("menu.edit")}<span className="visually-hidden">: {name}</span>
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => setMode("confirmRemove")}>
              {t("menu.remove")}<span className="visually-hidden">: {name}</span>
            </button>
          </p>
        )}
        {mode === "confirmRemove" && (
          <div role="group" aria-labelledby={`${headingId}-confirm`} className="confirm">
            <p id={`${headingId}-confirm`}>{t("menu.confirmRemove", { name })}</p>
            <button type="button" className="button button--danger" autoFocus disabled={remove.isPending}
              onClick={() => remove.mutate({ menuItemId: item.id })}>
              {t("menu.remove")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setMode("view")}>
              {t("common.cancel")}
            </button>
          </div>
        )}
        {mode === "edit" && (
          <section aria-label={t("menu.editTitle", { name })}>
            <MenuItemForm initial={draftOf(item, locale)} submitLabel={t("menu.save")} pendingLabel={t("menu.saving")}
              pending={update.isPending} onCancel={() => setMode("view")}
              onSubmit={async (fields) => {
                await update.mutateAsync({ menuItemId: item.id, ...fields });
                setMode("view");
              }} />
          </section>
        )}
        {failed && <Notice tone="error">{t(readApiError(failed).code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}</Notice>}
      </div>
    </li>
  );
}
