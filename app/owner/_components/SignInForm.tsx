"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { signInInput } from "@/lib/schemas";
import { LIMITS } from "@/lib/limits";
import { useI18n } from "../../_i18n/I18nProvider";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";
import { focusFirstInvalid, invalidFields } from "./formErrors";
import { useAuthFailure } from "./useAuthFailure";

export function SignInForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        router.push("/owner");
      },
    }),
  );
  const failure = useAuthFailure(signIn.error && readApiError(signIn.error), { UNAUTHORIZED: "auth.badCredentials" });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signInInput.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return focusFirstInvalid(form.current);
    }
    setInvalid(new Set());
    signIn.mutate(parsed.data);
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="stack">
      {failure && <Notice tone="error">{failure}</Notice>}
      <Field id="email" name="email" type="email" autoComplete="email" required maxLength={LIMITS.emailLength}
        label={t("auth.email")} error={invalid.has("email") ? t("auth.invalidEmail") : undefined} />
      <Field id="password" name="password" type="password" autoComplete="current-password" required maxLength={LIMITS.passwordMax}
        label={t("auth.password")} error={invalid.has("password") ? t("auth.required") : undefined} />
      <button type="submit" className="button" disabled={signIn.isPending}>
        {signIn.isPending ? t("auth.working") : t("auth.signIn")}
      </button>
      <p>
        {t("auth.noAccount")} <Link href="/owner/sign-up">{t("auth.signUp")}</Link>
      </p>
    </form>
  );
}
