import { en, type MessageKey, type Messages } from "./en";
import { fillMessage, type MessageParams } from "./fill";
import { ko } from "./ko";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

export type { MessageKey, Messages };
export { DEFAULT_LOCALE, isLocale, type Locale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from "./locales";
export type { MessageParams } from "./fill";

const MESSAGES: Record<Locale, Messages> = { en, ko };

/** Every message of a language; with `namespaces`, only those under them (`vote` keeps `vote.counted`, …). */
export function messagesOf(locale: Locale, namespaces?: readonly string[]): Partial<Messages> {
  if (!namespaces) return MESSAGES[locale];
  const wanted = new Set(namespaces);
  return Object.fromEntries(Object.entries(MESSAGES[locale]).filter(([key]) => wanted.has(key.slice(0, key.indexOf("."))))) as Partial<Messages>;
}

/**
 * The best language for an Accept-Language header (or navigator.languages joined with commas): the first listed
 * language we speak, by quality then order. `ko-KR`, `ko` and `ko;q=0.9` all mean Korean.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return fillMessage(MESSAGES[locale][key] ?? en[key], params);
}
