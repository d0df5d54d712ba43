"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signUpInput } from "@/lib/schemas";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";
import { useAuthForm } from "./useAuthForm";

export function SignUpForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const { form, invalid, failure, submit, pending } = useAuthForm(signUpInput, signUp, { CONFLICT: "auth.emailTaken" });
  const passwordRule = t("auth.invalidPassword", { min: LIMITS.passwordMin, max: LIMITS.passwordMax });
  const required = (field: string) => (invalid.has(field) ? t("auth.required") : undefined);

  return (
    <form ref={form} onSubmit={submit} noValidate className="stack">
      {failure && <Notice tone="error">{failure}</Notice>}
      <Field id="name" name="name" autoComplete="name" required maxLength={LIMITS.nameLength} label={t("auth.name")} error={required("name")} />
      <Field id="restaurantName" name="restaurantName" autoComplete="organization" required maxLength={LIMITS.nameLength}
        label={t("auth.restaurantName")} error={required("restaurantName")} />
      <Field id="email" name="email" type="email" autoComplete="email" required maxLength={LIMITS.emailLength}
        label={t("auth.email")} error={invalid.has("email") ? t("auth.invalidEmail") : undefined} />
      <Field id="password" name="password" type="password" autoComplete="new-password" required maxLength={LIMITS.passwordMax}
        label={t("auth.password")} hint={t("auth.passwordHint", { min: LIMITS.passwordMin })}
        error={invalid.has("password") ? passwordRule : undefined} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("auth.working") : t("auth.signUp")}
      </button>
      <p>
        {t("auth.haveAccount")} <Link href="/owner/sign-in">{t("auth.signIn")}</Link>
      </p>
    </form>
  );
}
