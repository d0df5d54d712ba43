"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dishName } from "@/lib/dishName";
import { useI18n } from "../../../_i18n/I18nProvider";
import { readApiError } from "../../../_trpc/errors";
import { useTRPC } from "../../../_trpc/react";
import { Notice } from "../../../_ui/Notice";
import { emptyMenuItemDraft } from "./menuItemDraft";
import { MenuItemCard } from "./MenuItemCard";
import { MenuItemForm } from "./MenuItemForm";
import "./menu.css";

/** The restaurant's menu: its dishes, and a form to add one. */
export function MenuManager() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const menu = useQuery(trpc.menu.list.queryOptions());
  const add = useMutation(trpc.menu.add.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.menu.list.queryFilter()) }));

  return (
    <>
      <h1>{t("menu.title")}</h1>
      <p className="muted">{t("menu.intro")}</p>
      {menu.isPending && <p>{t("common.loading")}</p>}
      {menu.isError && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
      {menu.data?.length === 0 && <p className="empty">{t("menu.empty")}</p>}
      {menu.data && menu.data.length > 0 && (
        <ul className="menu-list">
          {menu.data.map((item) => <MenuItemCard key={item.id} item={item} />)}
        </ul>
      )}
      <section aria-labelledby="add-dish" className="card menu-add">
        <h2 id="add-dish">{t("menu.addTitle")}</h2>
        {add.isSuccess && <Notice tone="success">{t("menu.added", { name: dishName(add.data, locale) })}</Notice>}
        {add.isError && <Notice tone="error">{t(readApiError(add.error).code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}</Notice>}
        <MenuItemForm initial={emptyMenuItemDraft()} submitLabel={t("menu.add")} pendingLabel={t("menu.adding")} pending={add.isPending}
          onSubmit={(fields) => add.mutateAsync(fields)} />
      </section>
    </>
  );
}
