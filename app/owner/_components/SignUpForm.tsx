"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { signUpInput } from "@/lib/schemas";
import { useI18n } from "../../_i18n/I18nProvider";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";
import { focusFirstInvalid, invalidFields } from "./formErrors";
import { useAuthFailure } from "./useAuthFailure";

export function SignUpForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        router.push("/owner");
      },
    }),
  );
  const failure = useAuthFailure(signUp.error && readApiError(signUp.error), { CONFLICT: "auth.emailTaken" });
  const passwordRule = t("auth.invalidPassword", { min: LIMITS.passwordMin, max: LIMITS.passwordMax });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signUpInput.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return focusFirstInvalid(form.current);
    }
    setInvalid(new Set());
    signUp.mutate(parsed.data);
  }

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
      <button type="submit" className="button" disabled={signUp.isPending}>
        {signUp.isPending ? t("auth.working") : t("auth.signUp")}
      </button>
      <p>
        {t("auth.haveAccount")} <Link href="/owner/sign-in">{t("auth.signIn")}</Link>
      </p>
    </form>
  );
}
