/** The languages, without their messages: what a browser bundle may import without carrying every page's text. */
export type Locale = "en" | "ko";
export const LOCALES: readonly Locale[] = ["en", "ko"];
export const DEFAULT_LOCALE: Locale = "en";
/** The language a person picked with the switch; it wins over what the browser asks for. */
export const LOCALE_COOKIE = "ts_lang";
/** Each language names itself in the switch, so a person who cannot read the current one can still find theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ko: "한국어" };

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "ko";
}
