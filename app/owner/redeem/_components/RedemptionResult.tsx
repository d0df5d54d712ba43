"use client";

import { formatDateTime } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";
import { readApiError } from "../../../_trpc/errors";
import { Notice } from "../../../_ui/Notice";

type Redeemed = { code: string; title: string; discount: string };

/** What the counter is told: redeemed, already redeemed (and when), expired, unknown, or not a code at all. */
export function RedemptionResult({ redeemed, error }: { redeemed?: Redeemed; error: unknown }) {
  const { t, locale } = useI18n();
  if (redeemed) {
    return <Notice tone="success" className="notice--big">{t("redeem.done", { ...redeemed })}</Notice>;
  }
  if (!error) return null;
  const { code, redeemedAt, retryAfterSeconds } = readApiError(error);
  const message =
    code === "CONFLICT" && redeemedAt ? t("redeem.already", { date: formatDateTime(redeemedAt, locale) })
    : code === "NOT_FOUND" ? t("redeem.unknown")
    : code === "PRECONDITION_FAILED" ? t("redeem.expired")
    : code === "BAD_REQUEST" ? t("redeem.invalid")
    : code === "TOO_MANY_REQUESTS" ? t("common.tooFast", { seconds: retryAfterSeconds ?? 5 })
    : code === "NETWORK" ? t("common.networkError")
    : t("common.unexpectedError");
  return <Notice tone="error" className="notice--big">{message}</Notice>;
}
