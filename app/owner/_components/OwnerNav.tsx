"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "../../_i18n/I18nProvider";

const LINKS = [
  { href: "/owner", key: "nav.polls" },
  { href: "/owner/menu", key: "nav.menu" },
  { href: "/owner/redeem", key: "nav.redeem" },
  { href: "/owner/staff", key: "nav.staff" },
  { href: "/owner/settings", key: "nav.settings" },
] as const;

/** The owner's places: polls, the menu, the counter where coupons are redeemed, and settings. */
export function OwnerNav() {
  const { t } = useI18n();
  const path = usePathname();
  const current = (href: string) => (href === "/owner" ? path === "/owner" || path.startsWith("/owner/polls") || path.startsWith("/owner/archive") : path.startsWith(href));
  return (
    <nav aria-label={t("nav.label")} className="owner-nav">
      <ul>
        {LINKS.map(({ href, key }) => (
          <li key={href}>
            <Link href={href} aria-current={current(href) ? "page" : undefined}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
