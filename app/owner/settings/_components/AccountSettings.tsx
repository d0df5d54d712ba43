"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { changeEmailInput, changePasswordInput } from "@/lib/schemas";
import { useI18n } from "../../../_i18n/I18nProvider";
import { type ApiError, readApiError } from "../../../_trpc/errors";
import { useTRPC } from "../../../_trpc/react";
import { Field } from "../../../_ui/Field";
import { Notice } from "../../../_ui/Notice";
import { useOwner } from "../../_components/useOwner";

/** The sign-in e-mail and password, each changed with the current password, and signing out every device. */
export function AccountSettings() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="account-heading" className="card settings stack">
      <h2 id="account-heading">{t("settings.account")}</h2>
      <ChangeEmail />
      <ChangePassword />
      <SignOutEverywhere />
    </section>
  );
}

function useFailure() {
  const { t, tryAgain } = useI18n();
  return (error: ApiError | null) =>
    !error ? null
    : error.code === "UNAUTHORIZED" ? t("settings.wrongPassword")
    : error.code === "CONFLICT" ? t("auth.emailTaken")
    : error.code === "TOO_MANY_REQUESTS" ? tryAgain(error.retryAfterSeconds)
    : t(error.code === "NETWORK" ? "common.networkError" : "common.unexpectedError");
}

function ChangeEmail() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useOwner();
  const failure = useFailure();
  const [email, setEmail] = useState(me.data?.email ?? "");
  const [password, setPassword] = useState("");
  const [checked, setChecked] = useState(false);
  const change = useMutation(trpc.account.changeEmail.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.auth.me.queryFilter()) }));
  const parsed = changeEmailInput.safeParse({ email, password });
  const bad = (field: string) => checked && !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === field);

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (parsed.success) change.mutate(parsed.data, { onSuccess: () => setPassword("") });
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="change-email-heading">
      <h3 id="change-email-heading">{t("settings.changeEmail")}</h3>
      <Field id="account-email" type="email" autoComplete="email" label={t("settings.email")} value={email} maxLength={LIMITS.emailLength}
        onChange={(e) => { setEmail(e.target.value); change.reset(); }}
        error={bad("email") ? t(email.trim() ? "auth.invalidEmail" : "common.required") : undefined} />
      <Field id="email-password" type="password" autoComplete="current-password" label={t("settings.currentPassword")} value={password}
        maxLength={LIMITS.passwordMax} onChange={(e) => { setPassword(e.target.value); change.reset(); }}
        error={bad("password") ? t("common.required") : undefined} />
      {change.isSuccess && <Notice tone="success">{t("settings.emailChanged", { email: change.data.email })}</Notice>}
      {change.error && <Notice tone="error">{failure(readApiError(change.error))}</Notice>}
      <p className="actions"><button type="submit" className="button" disabled={change.isPending}>{t("settings.changeEmail")}</button></p>
    </form>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const failure = useFailure();
  const [fields, setFields] = useState({ currentPassword: "", newPassword: "" });
  const [checked, setChecked] = useState(false);
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const parsed = changePasswordInput.safeParse(fields);
  const bad = (field: "currentPassword" | "newPassword") =>
    checked && !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === field);
  const edit = (patch: Partial<typeof fields>) => {
    change.reset();
    setFields((current) => ({ ...current, ...patch }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (parsed.success) change.mutate(parsed.data, { onSuccess: () => { setFields({ currentPassword: "", newPassword: "" }); setChecked(false); } });
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="change-password-heading">
      <h3 id="change-password-heading">{t("settings.changePassword")}</h3>
      <Field id="current-password" type="password" autoComplete="current-password" label={t("settings.currentPassword")}
        value={fields.currentPassword} maxLength={LIMITS.passwordMax} onChange={(e) => edit({ currentPassword: e.target.value })}
        error={bad("currentPassword") ? t("common.required") : undefined} />
      <Field id="new-password" type="password" autoComplete="new-password" label={t("settings.newPassword")} value={fields.newPassword}
        hint={t("auth.passwordHint", { min: LIMITS.passwordMin })} maxLength={LIMITS.passwordMax} onChange={(e) => edit({ newPassword: e.target.value })}
        error={bad("newPassword") ? (fields.newPassword ? t("auth.invalidPassword", { min: LIMITS.passwordMin, max: LIMITS.passwordMax }) : t("common.required")) : undefined} />
      {change.isSuccess && <Notice tone="success">{t("settings.passwordChanged")}</Notice>}
      {change.error && <Notice tone="error">{failure(readApiError(change.error))}</Notice>}
      <p className="actions"><button type="submit" className="button" disabled={change.isPending}>{t("settings.changePassword")}</button></p>
    </form>
  );
}

function SignOutEverywhere() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        router.replace("/owner/sign-in");
      },
    }),
  );
  return (
    <div className="stack" role="group" aria-labelledby="sessions-heading">
      <h3 id="sessions-heading">{t("settings.sessions")}</h3>
      <p className="field__hint">{t("settings.signOutEverywhereHint")}</p>
      {confirming ? (
        <div role="group" aria-labelledby="confirm-sign-out" className="confirm">
          <p id="confirm-sign-out">{t("settings.confirmSignOutEverywhere")}</p>
          <button type="button" className="button button--danger" autoFocus disabled={end.isPending} onClick={() => end.mutate()}>
            {t("settings.signOutEverywhere")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>{t("common.cancel")}</button>
        </div>
      ) : (
        <p className="actions">
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>{t("settings.signOutEverywhere")}</button>
        </p>
      )}
      {end.error && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
    </div>
  );
}
