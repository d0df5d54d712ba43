"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo } from "react";
import type { MessageKey, Messages } from "@/lib/i18n/en";
import { fillMessage, formatWait, type MessageParams, pluralOf } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locales";
import type { PluralKey } from "@/lib/i18n/plural";

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

/**
 * The language chosen on the server for this request (see `requestLocale`) and its messages, handed to every client
 * component. This module holds no messages itself: the app's pages get all of them (AppI18nProvider), the diner's
 * page only its own, from the server (app/p/[slug]/layout.tsx, docs/adr/0023).
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Partial<Messages>; children: ReactNode }) {
  const t = useCallback((key: MessageKey, params?: MessageParams) => fillMessage(messages[key] ?? key, params), [messages]);
  const value = useMemo<I18n>(() => {
    const plural = (key: PluralKey, count: number, params?: MessageParams) => {
      const form = pluralOf(locale, key, count, (specific) => specific in messages);
      return t(form.key as MessageKey, { count: form.count, ...params });
    };
    return {
      locale,
      t,
      plural,
      votes: (count) => plural("common.votes", count),
      tryAgain: (seconds) => t("common.tryAgain", { wait: formatWait(seconds ?? 5, locale) }),
    };
  }, [locale, messages, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
