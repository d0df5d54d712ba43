"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatDateTime, formatTime } from "@/lib/format";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../_i18n/I18nProvider";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";

/**
 * Redeeming as a staff member: the same once-per-coupon rule as the owner's counter (docs/adr/0014), recorded with
 * the staff member's name and this tablet. A revoked session is sent back to sign-in.
 */
export function StaffRedeem({ deviceName, staffName, onSessionGone }: { deviceName: string; staffName: string; onSessionGone: () => void }) {
  const { t, locale, tryAgain } = useI18n();
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const redeem = useMutation(
    trpc.counter.redeem.mutationOptions({
      onError: (error) => {
        if (readApiError(error).code === "UNAUTHORIZED") onSessionGone();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) redeem.mutate({ code });
  };
  const error = redeem.error && readApiError(redeem.error);
  const refusal =
    !error ? null
    : error.code === "CONFLICT" && error.redeemedAt ? t("redeem.already", { date: formatDateTime(error.redeemedAt, locale) })
    : error.code === "NOT_FOUND" ? t("redeem.unknown")
    : error.code === "PRECONDITION_FAILED" ? t("redeem.expired")
    : error.code === "BAD_REQUEST" ? t("redeem.invalid")
    : error.code === "UNAUTHORIZED" ? t("counter.sessionGone")
    : error.code === "TOO_MANY_REQUESTS" ? tryAgain(error.retryAfterSeconds)
    : t("common.unexpectedError");

  return (
    <div className="stack">
      <p className="muted">{t("counter.signedInAs", { name: staffName, device: deviceName })}</p>
      <form onSubmit={submit} noValidate className="stack">
        <Field id="coupon-code" label={t("redeem.code")} value={code} maxLength={LIMITS.couponCodeLength} autoComplete="off" autoCapitalize="characters"
          spellCheck={false} onChange={(e) => { setCode(e.target.value); if (!redeem.isIdle) redeem.reset(); }} />
        <p className="actions"><button type="submit" className="button" disabled={redeem.isPending || !code.trim()}>{t("redeem.submit")}</button></p>
      </form>
      <div role="status">
        {redeem.data && (
          <Notice tone="success" className="notice--big">
            {t("redeem.done", { ...redeem.data })} <strong>{t("redeem.doneAt", { time: formatTime(redeem.data.redeemedAt, locale) })}</strong>
          </Notice>
        )}
        {refusal && <Notice tone="error" className="notice--big">{refusal}</Notice>}
      </div>
    </div>
  );
}
