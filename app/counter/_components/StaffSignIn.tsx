"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";

/** A staff member picks their name and types their PIN; a few wrong tries and the tablet asks to wait. */
export function StaffSignIn({ names, onSignedIn }: { names: { id: string; name: string }[]; onSignedIn: () => void }) {
  const { t, tryAgain } = useI18n();
  const trpc = useTRPC();
  const [staffId, setStaffId] = useState("");
  const [pin, setPin] = useState("");
  const signIn = useMutation(trpc.counter.signIn.mutationOptions({ onSuccess: onSignedIn, onError: () => setPin("") }));

  if (names.length === 0) return <Notice tone="info">{t("counter.noStaff")}</Notice>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (staffId && pin) signIn.mutate({ staffId, pin });
  };
  const error = signIn.error && readApiError(signIn.error);
  return (
    <form onSubmit={submit} className="stack">
      <fieldset className="stack">
        <legend>{t("counter.who")}</legend>
        {names.map((member) => (
          <label key={member.id} className="radio">
            <input type="radio" name="staff" checked={staffId === member.id} onChange={() => setStaffId(member.id)} />
            {member.name}
          </label>
        ))}
      </fieldset>
      <Field id="pin" type="password" inputMode="numeric" autoComplete="off" label={t("counter.pin")} value={pin} maxLength={8}
        onChange={(e) => setPin(e.target.value)} />
      <p className="actions"><button type="submit" className="button" disabled={signIn.isPending}>{t("counter.signIn")}</button></p>
      {error && (
        <Notice tone="error">
          {error.code === "TOO_MANY_REQUESTS" ? tryAgain(error.retryAfterSeconds) : error.code === "UNAUTHORIZED" || error.code === "BAD_REQUEST" ? t("counter.wrongPin") : t("common.unexpectedError")}
        </Notice>
      )}
    </form>
  );
}
