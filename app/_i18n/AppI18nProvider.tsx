"use client";

import type { ReactNode } from "react";
import { en } from "@/lib/i18n/en";
import { ko } from "@/lib/i18n/ko";
import type { Locale } from "@/lib/i18n/locales";
import { I18nProvider } from "./I18nProvider";

/** Every message of both languages, in the bundle: the owner's, the screen's and the counter's pages (not the diner's). */
export function AppI18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nProvider locale={locale} messages={locale === "ko" ? ko : en}>{children}</I18nProvider>;
}
