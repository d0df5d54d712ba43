"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { LIMITS } from "@/lib/limits";
import { signInInput } from "@/lib/schemas";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";
import { useAuthForm } from "./useAuthForm";

/** Signs in and goes on to `next`, the page that sent the owner here (the dashboard without one). */
export function SignInForm({ next }: { next?: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const { form, invalid, failure, submit, edited, pending } = useAuthForm(signInInput, signIn, { specific: { UNAUTHORIZED: "auth.badCredentials" }, next });
  const problem = (field: string, invalidMessage: string) =>
    invalid.get(field) === "required" ? t("common.required") : invalid.has(field) ? invalidMessage : undefined;

  return (
    <form ref={form} onSubmit={submit} onChange={edited} noValidate className="stack">
      {failure && <Notice tone="error">{failure}</Notice>}
      <Field id="email" name="email" type="email" autoComplete="email" required maxLength={LIMITS.emailLength}
        label={t("auth.email")} error={problem("email", t("auth.invalidEmail"))} />
      <Field id="password" name="password" type="password" autoComplete="current-password" required maxLength={LIMITS.passwordMax}
        label={t("auth.password")} error={problem("password", t("common.required"))} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("auth.working") : t("auth.signIn")}
      </button>
      <p>
        <Link href="/owner/forgot-password">{t("auth.forgot")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link href="/owner/sign-up">{t("auth.signUp")}</Link>
      </p>
    </form>
  );
}
