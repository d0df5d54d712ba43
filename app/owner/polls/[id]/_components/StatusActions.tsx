"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../../../_i18n/I18nProvider";
import type { LiveStatus } from "../../../../_live/useLiveResults";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";

/** Open a draft poll; close an open one, after an inline confirmation (a closed poll cannot be reopened). */
export function StatusActions({ pollId, status }: { pollId: string; status: LiveStatus }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => {
    setConfirming(false);
    return Promise.all([queryClient.invalidateQueries(trpc.poll.get.queryFilter()), queryClient.invalidateQueries(trpc.poll.mine.queryFilter())]);
  };
  const open = useMutation(trpc.poll.open.mutationOptions({ onSettled: refresh }));
  const close = useMutation(trpc.poll.close.mutationOptions({ onSettled: refresh }));
  const failed = open.error ?? close.error;

  return (
    <div className="status-actions">
      {status === "draft" && (
        <button type="button" className="button" disabled={open.isPending} onClick={() => open.mutate({ pollId })}>
          {t("admin.open")}
        </button>
      )}
      {(status === "open" || status === "scheduled") && !confirming && (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {t("admin.close")}
        </button>
      )}
      {confirming && (
        <div role="group" aria-labelledby="confirm-close" className="confirm">
          <p id="confirm-close">{t("admin.confirmClose")}</p>
          <button type="button" className="button button--danger" autoFocus disabled={close.isPending} onClick={() => close.mutate({ pollId })}>
            {t("admin.close")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </div>
      )}
      {status === "closed" && <p className="muted">{t("admin.closedNote")}</p>}
      {failed && (
        <Notice tone="error">
          {readApiError(failed).code === "NETWORK" ? t("common.networkError") : t("common.unexpectedError")}
        </Notice>
      )}
    </div>
  );
}
