"use client";

import { formatDateTime, formatTime } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";
import { readApiError } from "../../../_trpc/errors";
import { Notice } from "../../../_ui/Notice";
import { useRestaurant } from "../../_components/useRestaurant";
import { UndoOutcome, type UndoRedemption, UndoButton } from "./UndoRedemption";

type Redeemed = { code: string; title: string; discount: string; redeemedAt: string; undoableUntil: string };

/**
 * What the counter is told: redeemed (and when: a second tap on this device shows the same time), already
 * redeemed elsewhere (and when), expired, unknown, or not a code at all; with the undo of a redemption just made.
 */
export function RedemptionResult({ redeemed, error, undo }: { redeemed?: Redeemed; error: unknown; undo: UndoRedemption }) {
  const { t, locale, tryAgain } = useI18n();
  const { timeZone } = useRestaurant();
  if (undo.data || undo.error) return <UndoOutcome undo={undo} />;
  if (redeemed) {
    return (
      <div className="redeemed">
        <Notice tone="success" className="notice--big">
          {t("redeem.done", { ...redeemed })} <strong>{t("redeem.doneAt", { time: formatTime(redeemed.redeemedAt, locale, timeZone) })}</strong>
        </Notice>
        {Date.parse(redeemed.undoableUntil) > Date.now() && <UndoButton code={redeemed.code} undo={undo} />}
      </div>
    );
  }
  if (!error) return null;
  const { code, redeemedAt, retryAfterSeconds } = readApiError(error);
  const message =
    code === "CONFLICT" && redeemedAt ? t("redeem.already", { date: formatDateTime(redeemedAt, locale, timeZone) })
    : code === "NOT_FOUND" ? t("redeem.unknown")
    : code === "PRECONDITION_FAILED" ? t("redeem.expired")
    : code === "BAD_REQUEST" ? t("redeem.invalid")
    : code === "TOO_MANY_REQUESTS" ? tryAgain(retryAfterSeconds)
    : code === "NETWORK" ? t("common.networkError")
    : t("common.unexpectedError");
  return <Notice tone="error" className="notice--big">{message}</Notice>;
}
