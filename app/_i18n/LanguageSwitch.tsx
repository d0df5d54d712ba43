"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { type Locale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { useI18n } from "./I18nProvider";

/** English / 한국어. The choice is kept in a cookie so the server renders the next page in it too. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t("lang.label")} className={`language-switch ${className ?? ""}`} aria-busy={pending}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => option !== locale && choose(option)}
        >
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
