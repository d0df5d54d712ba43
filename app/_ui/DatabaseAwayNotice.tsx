"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../_i18n/I18nProvider";
import { useTRPC } from "../_trpc/react";
import { Notice } from "./Notice";

/**
 * A small, honest line while the database is away (docs/adr/0016): votes go on, but what an owner page loads or
 * saves, and what a screen shows beyond the live tally, waits for it. Asks every few seconds; says nothing otherwise.
 */
export function DatabaseAwayNotice() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: 5_000, retry: false });
  if (status.data?.database !== "away") return null;
  return <Notice tone="warning">{t("common.databaseAway")}</Notice>;
}
