"use client";

import { useEffect } from "react";
import { useI18n } from "../_i18n/I18nProvider";

/** The browser tab follows the poll: "Live results" while it runs, "Results" once it has closed (pushed live, no reload). */
export function useResultsTitle(status: string | undefined) {
  const { t } = useI18n();
  const title = `${t(status === "closed" ? "admin.finalResults" : "admin.results")} · ${t("app.name")}`;
  useEffect(() => {
    if (status) document.title = title;
  }, [status, title]);
}
