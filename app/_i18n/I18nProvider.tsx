"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo } from "react";
import { type Locale, type MessageKey, type MessageParams, translate } from "@/lib/i18n";
import { formatWait, type PluralKey, translatePlural } from "@/lib/i18n/plural";

type I18n = {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A message with a count, in the plural form the language uses for it (Intl.PluralRules). */
  plural: (key: PluralKey, count: number, params?: MessageParams) => string;
  /** "1 vote" / "3 votes", with the count formatted for the locale. */
  votes: (count: number) => string;
  /** "Too many attempts. Try again in 54 minutes." for a rate limit's retry time. */
  tryAgain: (seconds: number | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

/** The language chosen on the server for this request (see `requestLocale`), handed to every client component. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t,
      plural: (key, count, params) => translatePlural(locale, key, count, params),
      votes: (count) => translatePlural(locale, "common.votes", count),
      tryAgain: (seconds) => t("common.tryAgain", { wait: formatWait(seconds ?? 5, locale) }),
    }),
    [locale, t],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
