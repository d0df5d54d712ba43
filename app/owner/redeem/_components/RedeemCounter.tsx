"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useCallback, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_trpc/react";
import { Field } from "../../../_ui/Field";
import { CouponScanner } from "./CouponScanner";
import { RedemptionResult } from "./RedemptionResult";
import { TodaysRedemptions } from "./TodaysRedemptions";
import "./redeem.css";

/**
 * The counter's page: a code typed (spaces, dashes, lower case and O/0, I/L/1 slips are fine) or scanned is
 * redeemed at once; the server decides, exactly once per coupon. A second tap on this device reads as the same
 * success; a mistake is undone within two minutes; today's redemptions are listed below.
 */
export function RedeemCounter() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const refreshList = () => queryClient.invalidateQueries(trpc.promotion.redemptionsToday.queryFilter());
  const redeem = useMutation(trpc.promotion.redeem.mutationOptions({ onSettled: refreshList }));
  const undo = useMutation(trpc.promotion.undoRedemption.mutationOptions({ onSettled: refreshList }));
  const { mutate } = redeem;
  const { reset: resetUndo } = undo;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    resetUndo();
    if (code.trim()) mutate({ code });
  };
  const scanned = useCallback(
    (value: string) => {
      setCode(value);
      resetUndo();
      mutate({ code: value });
    },
    [mutate, resetUndo],
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
            resetUndo();
          }} />
        <p className="actions">
          <button type="submit" className="button" disabled={redeem.isPending || !code.trim()}>
            {redeem.isPending ? t("redeem.working") : t("redeem.submit")}
          </button>
        </p>
      </form>
      <CouponScanner onCode={scanned} />
      <RedemptionResult redeemed={redeem.data} error={redeem.error} undo={undo} />
      <TodaysRedemptions undo={undo} />
    </div>
  );
}
