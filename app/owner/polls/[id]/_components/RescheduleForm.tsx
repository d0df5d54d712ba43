"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fromZonedInputValue, toZonedInputValue } from "@/lib/zonedTime";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Field } from "../../../../_ui/Field";
import { Notice } from "../../../../_ui/Notice";
import { useRestaurant } from "../../../_components/useRestaurant";

type Props = {
  pollId: string;
  /** reopen: a closed poll opens again; extend: an open poll's closing time moves. */
  action: "reopen" | "extend";
  closesAt: string | null;
  couponsValidUntil: string | null;
  onDone: () => void;
};

/**
 * The new closing time (empty: open until closed by hand) and, with a promotion, the coupons' validity (only
 * later). Says what a reopen means for those who voted and for coupons, next to the button that does it.
 */
export function RescheduleForm({ pollId, action, closesAt, couponsValidUntil, onDone }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useRestaurant();
  const local = (iso: string | null) => (iso ? toZonedInputValue(new Date(iso), timeZone) : "");
  const [closing, setClosing] = useState(action === "extend" ? local(closesAt) : "");
  const [validity, setValidity] = useState(local(couponsValidUntil));
  const [problem, setProblem] = useState<"closesAt" | "couponsValidUntil" | null>(null);
  const mutation = useMutation(
    (action === "reopen" ? trpc.poll.reopen : trpc.poll.extend).mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.poll.pathFilter());
        onDone();
      },
      onError: (error) => {
        const field = (readApiError(error).details?.field as typeof problem | undefined) ?? null;
        setProblem(field);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const newClosesAt = closing ? fromZonedInputValue(closing, timeZone) : null;
    if (newClosesAt === undefined || (newClosesAt && newClosesAt.getTime() <= Date.now())) return setProblem("closesAt");
    const newValidity = validity ? fromZonedInputValue(validity, timeZone) : undefined;
    const extended = newValidity && couponsValidUntil && newValidity.getTime() > Date.parse(couponsValidUntil) ? newValidity : undefined;
    setProblem(null);
    mutation.mutate({ pollId, closesAt: newClosesAt, couponsValidUntil: extended });
  }

  const failed = mutation.error && !problem ? readApiError(mutation.error) : null;
  return (
    <form onSubmit={submit} noValidate className="stack card reschedule" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t(action === "reopen" ? "admin.reopen" : "admin.extend")}</h2>
      <p>{t("admin.reopenNote")}</p>
      <Field id="new-closes-at" type="datetime-local" label={t("admin.newClosesAt")} hint={t("admin.newClosesAtHint")} value={closing}
        onChange={(e) => {
          setClosing(e.target.value);
          setProblem(null);
        }}
        error={problem === "closesAt" ? t("admin.closesAtPassed") : undefined} />
      {couponsValidUntil && (
        <Field id="coupons-valid-until" type="datetime-local" label={t("admin.couponsValidUntil")} hint={t("admin.couponsValidUntilHint")}
          value={validity} min={local(couponsValidUntil)}
          onChange={(e) => {
            setValidity(e.target.value);
            setProblem(null);
          }}
          error={problem === "couponsValidUntil" ? t("admin.couponsValidUntilHint") : undefined} />
      )}
      {failed && <Notice tone="error">{t(failed.code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}</Notice>}
      <p className="actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {t(action === "reopen" ? "admin.reopen" : "common.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </p>
    </form>
  );
}
