"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useCallback, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_trpc/react";
import { Field } from "../../../_ui/Field";
import { CouponScanner } from "./CouponScanner";
import { RedemptionResult } from "./RedemptionResult";
import "./redeem.css";

/** The counter's page: a code typed or scanned is redeemed at once; the server decides, exactly once per coupon. */
export function RedeemCounter() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const redeem = useMutation(trpc.promotion.redeem.mutationOptions());
  const { mutate } = redeem;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) mutate({ code });
  };
  const scanned = useCallback(
    (value: string) => {
      setCode(value);
      mutate({ code: value });
    },
    [mutate],
  );

  return (
    <div className="redeem">
      <h1>{t("redeem.title")}</h1>
      <p className="muted">{t("redeem.intro")}</p>
      <form onSubmit={submit} noValidate className="stack redeem__form">
        <Field id="coupon-code" label={t("redeem.code")} value={code} maxLength={LIMITS.couponCodeLength} autoComplete="off"
          autoCapitalize="characters" spellCheck={false} className="redeem__code"
          onChange={(e) => {
            setCode(e.target.value);
            if (!redeem.isIdle) redeem.reset();
          }} />
        <p className="actions">
          <button type="submit" className="button" disabled={redeem.isPending || !code.trim()}>
            {redeem.isPending ? t("redeem.working") : t("redeem.submit")}
          </button>
        </p>
      </form>
      <CouponScanner onCode={scanned} />
      <RedemptionResult redeemed={redeem.data} error={redeem.error} />
    </div>
  );
}
