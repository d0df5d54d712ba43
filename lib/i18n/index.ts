import { en, type MessageKey, type Messages } from "./en";
import { ko } from "./ko";

export type { MessageKey, Messages };
export type Locale = "en" | "ko";
export const LOCALES: readonly Locale[] = ["en", "ko"];
export const DEFAULT_LOCALE: Locale = "en";
/** The language a person picked with the switch; it wins over what the browser asks for. */
export const LOCALE_COOKIE = "ts_lang";
/** Each language names itself in the switch, so a person who cannot read the current one can still find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ko: "한국어" };

const MESSAGES: Record<Locale, Messages> = { en, ko };

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "ko";
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

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = MESSAGES[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
