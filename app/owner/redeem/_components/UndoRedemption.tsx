"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { useI18n } from "../../../_i18n/I18nProvider";
import { readApiError } from "../../../_trpc/errors";
import { Notice } from "../../../_ui/Notice";

export type UndoRedemption = UseMutationResult<{ code: string; undoneAt: string }, unknown, { code: string }>;

/** Takes back a redemption made in the last two minutes; the server keeps it in the audit trail, marked undone. */
export function UndoButton({ code, undo, compact }: { code: string; undo: UndoRedemption; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <button type="button" className={`button button--secondary ${compact ? "button--small" : ""}`} disabled={undo.isPending}
      aria-label={t("redeem.undoFor", { code })} onClick={() => undo.mutate({ code })}>
      {t("redeem.undo")}
    </button>
  );
}

export function UndoOutcome({ undo }: { undo: UndoRedemption }) {
  const { t } = useI18n();
  if (undo.data) return <Notice tone="info" className="notice--big">{t("redeem.undone", { code: undo.data.code })}</Notice>;
  const code = undo.error ? readApiError(undo.error).code : null;
  if (!code) return null;
  return (
    <Notice tone="error">
      {code === "PRECONDITION_FAILED" ? t("redeem.undoTooLate") : t(code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}
    </Notice>
  );
}
