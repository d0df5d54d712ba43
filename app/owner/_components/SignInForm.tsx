"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signInInput } from "@/lib/schemas";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";
import { useAuthForm } from "./useAuthForm";

export function SignInForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const { form, invalid, failure, submit, pending } = useAuthForm(signInInput, signIn, { UNAUTHORIZED: "auth.badCredentials" });

  return (
    <form ref={form} onSubmit={submit} noValidate className="stack">
      {failure && <Notice tone="error">{failure}</Notice>}
      <Field id="email" name="email" type="email" autoComplete="email" required maxLength={LIMITS.emailLength}
        label={t("auth.email")} error={invalid.has("email") ? t("auth.invalidEmail") : undefined} />
      <Field id="password" name="password" type="password" autoComplete="current-password" required maxLength={LIMITS.passwordMax}
        label={t("auth.password")} error={invalid.has("password") ? t("auth.required") : undefined} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("auth.working") : t("auth.signIn")}
      </button>
      <p>
        {t("auth.noAccount")} <Link href="/owner/sign-up">{t("auth.signUp")}</Link>
      </p>
    </form>
  );
}
