"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { resetPasswordInput } from "@/lib/schemas";
import { useI18n } from "../../_i18n/I18nProvider";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { Field } from "../../_ui/Field";
import { Notice } from "../../_ui/Notice";

/** A new password with the link's token; once set, every device is signed out and the owner signs in again. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t, tryAgain } = useI18n();
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<"required" | "invalid" | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = resetPasswordInput.safeParse({ token, password });
    if (!parsed.success && parsed.error.issues.some((issue) => issue.path[0] === "password")) {
      return setProblem(password ? "invalid" : "required");
    }
    setProblem(null);
    reset.mutate({ token, password });
  }

  if (reset.isSuccess) {
    return (
      <>
        <Notice tone="success">{t("reset.done")}</Notice>
        <p><Link className="button" href="/owner/sign-in">{t("auth.signIn")}</Link></p>
      </>
    );
  }
  const failed = reset.error && readApiError(reset.error);
  const badLink = failed && (failed.code === "PRECONDITION_FAILED" || (failed.code === "BAD_REQUEST" && !problem));
  return (
    <form onSubmit={submit} noValidate className="stack">
      {badLink && (
        <Notice tone="error">
          {t("reset.badLink")} <Link href="/owner/forgot-password">{t("reset.askAgain")}</Link>
        </Notice>
      )}
      {failed && !badLink && (
        <Notice tone="error">
          {failed.code === "TOO_MANY_REQUESTS" ? tryAgain(failed.retryAfterSeconds) : t(failed.code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}
        </Notice>
      )}
      <Field id="new-password" type="password" autoComplete="new-password" required maxLength={LIMITS.passwordMax} label={t("reset.newPassword")}
        hint={t("auth.passwordHint", { min: LIMITS.passwordMin })} value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          setProblem(null);
        }}
        error={problem === "required" ? t("common.required") : problem ? t("auth.invalidPassword", { min: LIMITS.passwordMin, max: LIMITS.passwordMax }) : undefined} />
      <button type="submit" className="button" disabled={reset.isPending}>
        {reset.isPending ? t("auth.working") : t("reset.save")}
      </button>
    </form>
  );
}
