"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { currencyForLanguage } from "@/lib/currency";
import { LIMITS } from "@/lib/limits";
import { signUpInput } from "@/lib/schemas";
import { localTimeZone } from "@/lib/timeZone";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";
import { useAuthForm } from "./useAuthForm";

// The restaurant starts on the browser's clock and its language's currency; both change in Settings.
const browserDefaults = () => ({ timeZone: localTimeZone(), currency: currencyForLanguage(navigator.language || "en") });

export function SignUpForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const { form, invalid, failure, submit, edited, pending } = useAuthForm(signUpInput, signUp, {
    specific: { CONFLICT: "auth.emailTaken" },
    extra: browserDefaults,
  });
  const passwordRule = t("auth.invalidPassword", { min: LIMITS.passwordMin, max: LIMITS.passwordMax });
  const problem = (field: string, invalidMessage = t("common.required")) =>
    invalid.get(field) === "required" ? t("common.required") : invalid.has(field) ? invalidMessage : undefined;

  return (
    <form ref={form} onSubmit={submit} onChange={edited} noValidate className="stack">
      {failure && <Notice tone="error">{failure}</Notice>}
      <Field id="name" name="name" autoComplete="name" required maxLength={LIMITS.nameLength} label={t("auth.name")} error={problem("name")} />
      <Field id="restaurantName" name="restaurantName" autoComplete="organization" required maxLength={LIMITS.nameLength}
        label={t("auth.restaurantName")} error={problem("restaurantName")} />
      <Field id="email" name="email" type="email" autoComplete="email" required maxLength={LIMITS.emailLength}
        label={t("auth.email")} error={problem("email", t("auth.invalidEmail"))} />
      <Field id="password" name="password" type="password" autoComplete="new-password" required maxLength={LIMITS.passwordMax}
        label={t("auth.password")} hint={t("auth.passwordHint", { min: LIMITS.passwordMin })} error={problem("password", passwordRule)} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("auth.working") : t("auth.signUp")}
      </button>
      <p>
        {t("auth.haveAccount")} <Link href="/owner/sign-in">{t("auth.signIn")}</Link>
      </p>
    </form>
  );
}
