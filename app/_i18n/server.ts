import { cookies, headers } from "next/headers";
import { isLocale, type Locale, LOCALE_COOKIE, negotiateLocale, translate, type MessageKey } from "@/lib/i18n";

/** The page's language: the one picked with the switch (a cookie), else the browser's Accept-Language. */
export async function requestLocale(): Promise<Locale> {
  const picked = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(picked)) return picked;
  return negotiateLocale((await headers()).get("accept-language"));
}

/** A page title in the request's language: "Sign in · Tableside". */
export async function pageTitle(key: MessageKey, params?: Record<string, string>): Promise<string> {
  const locale = await requestLocale();
  return `${translate(locale, key, params)} · ${translate(locale, "app.name")}`;
}
