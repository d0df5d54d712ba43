"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../_i18n/LanguageSwitch";
import { useI18n } from "../_i18n/I18nProvider";

/**
 * The strip at the top of owner and diner pages: where you are, the language switch, and page actions. A diner's
 * page passes `home={null}`: the restaurant's name is a title there, not a way out of the poll.
 */
export function SiteHeader({ title, home = "/", children }: { title?: string; home?: string | null; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      {home === null ? (
        <span className="site-header__brand">{title ?? t("app.name")}</span>
      ) : (
        <Link href={home} className="site-header__brand">
          {title ?? t("app.name")}
        </Link>
      )}
      <div className="site-header__actions">
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
