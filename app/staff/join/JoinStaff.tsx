"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";
import { SiteHeader } from "../../_ui/SiteHeader";

/** An invited staff member chooses a PIN (4 to 8 digits) for the counter tablet; the invite works once. */
export function JoinStaff({ code }: { code: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const invite = useQuery(trpc.counter.readInvite.queryOptions({ code }, { enabled: code.length > 0, retry: false }));
  const accept = useMutation(trpc.counter.acceptInvite.mutationOptions());
  const [pin, setPin] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ code, pin });
  };
  const badPin = accept.error && readApiError(accept.error).code === "BAD_REQUEST";

  return (
    <>
      <SiteHeader />
      <main className="page page--narrow stack">
        <h1>{t("staff.joinTitle")}</h1>
        {invite.isError || !code ? (
          <Notice tone="error">{t("staff.inviteGone")}</Notice>
        ) : accept.isSuccess ? (
          <Notice tone="success">{t("staff.joined", { restaurant: accept.data.restaurantName })}</Notice>
        ) : (
          invite.data && (
            <form onSubmit={submit} className="stack">
              <p>{t("staff.joinIntro", { name: invite.data.name, restaurant: invite.data.restaurantName })}</p>
              <Field id="pin" type="password" inputMode="numeric" autoComplete="new-password" label={t("staff.choosePin")} hint={t("staff.pinHint")}
                value={pin} maxLength={8} onChange={(e) => setPin(e.target.value)} error={badPin ? t("staff.pinHint") : undefined} />
              <p className="actions"><button type="submit" className="button" disabled={accept.isPending}>{t("staff.savePin")}</button></p>
              {accept.error && !badPin && <Notice tone="error">{t("staff.inviteGone")}</Notice>}
            </form>
          )
        )}
      </main>
    </>
  );
}
