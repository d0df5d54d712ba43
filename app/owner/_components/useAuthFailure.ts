"use client";

import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "../../_i18n/I18nProvider";
import type { ApiError, ApiErrorCode } from "../../_trpc/errors";

/** The sentence to show for a failed sign-in or sign-up; `specific` names the messages particular to the form. */
export function useAuthFailure(error: ApiError | null, specific: Partial<Record<ApiErrorCode, MessageKey>>): string | undefined {
  const { t, tryAgain } = useI18n();
  if (!error) return undefined;
  const key = specific[error.code];
  if (key) return t(key);
  if (error.code === "TOO_MANY_REQUESTS") return tryAgain(error.retryAfterSeconds);
  if (error.code === "NETWORK") return t("common.networkError");
  if (error.code === "BAD_REQUEST") return t("create.fixErrors");
  return t("common.unexpectedError");
}
