"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { requestPasswordResetInput } from "@/lib/schemas";
import { useI18n } from "../../_i18n/I18nProvider";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";

const LINK_MINUTES = 60;

/**
 * Asks for a reset link by e-mail. The answer is the same whether or not the address has an account. A server
 * without e-mail says so at once, and how its operator makes a link.
 */
export function ForgotPasswordForm() {
  const { t, tryAgain } = useI18n();
  const trpc = useTRPC();
  const byEmail = useQuery(trpc.auth.passwordResetByEmail.queryOptions());
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<"required" | "invalid" | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = requestPasswordResetInput.safeParse({ email });
    if (!parsed.success) return setProblem(email.trim() ? "invalid" : "required");
    setProblem(null);
    request.mutate(parsed.data);
  }

  if (byEmail.data === false) return <Notice tone="info">{t("reset.noEmail")}</Notice>;
  if (request.isSuccess) return <Notice tone="success">{t("reset.sent", { email, minutes: LINK_MINUTES })}</Notice>;
  const failed = request.error && readApiError(request.error);
  return (
    <form onSubmit={submit} noValidate className="stack">
      <p>{t("reset.requestIntro")}</p>
      {failed && (
        <Notice tone="error">
          {failed.code === "TOO_MANY_REQUESTS" ? tryAgain(failed.retryAfterSeconds) : t(failed.code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}
        </Notice>
      )}
      <Field id="email" type="email" autoComplete="email" required maxLength={LIMITS.emailLength} label={t("auth.email")} value={email}
        onChange={(e) => {
          setEmail(e.target.value);
          setProblem(null);
        }}
        error={problem === "required" ? t("common.required") : problem ? t("auth.invalidEmail") : undefined} />
      <button type="submit" className="button" disabled={request.isPending || byEmail.isPending}>
        {request.isPending ? t("auth.working") : t("reset.send")}
      </button>
      <p>
        <Link href="/owner/sign-in">{t("auth.signIn")}</Link>
      </p>
    </form>
  );
}
