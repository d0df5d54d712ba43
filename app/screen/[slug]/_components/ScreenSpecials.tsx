"use client";

import { useQuery } from "@tanstack/react-query";
import { dishName } from "@/lib/dishName";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_trpc/react";
import styles from "./ScreenSpecials.module.css";

/** Today's specials on the restaurant's screen (what earlier votes put on the menu), read again every few minutes. */
export function ScreenSpecials({ pollId }: { pollId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const specials = useQuery(trpc.specials.ofPoll.queryOptions({ pollId }, { refetchInterval: 5 * 60_000 }));
  const list = specials.data?.specials ?? [];
  if (list.length === 0) return null;
  return (
    <p className={styles.specials} data-testid="screen-specials">
      <span className={styles.label}>{t("specials.today")}</span> {list.map((s) => dishName(s.dish, locale)).join(" · ")}
    </p>
  );
}
