import type { Locale } from "./locales";

export type MessageParams = Record<string, string | number>;

/** `{name}` placeholders of a message filled from `params` (an unknown name stays as written). */
export function fillMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const rules = new Map<Locale, Intl.PluralRules>();
const counts = new Map<Locale, Intl.NumberFormat>();

/**
 * For a message with a count (`key#one`, `key#other`: CLDR plural categories; `other` always), the key of the form
 * Intl.PluralRules picks for `count` in `locale`, among the keys `has` knows, and the count formatted for the locale.
 */
export function pluralOf(locale: Locale, key: string, count: number, has: (key: string) => boolean): { key: string; count: string } {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  let format = counts.get(locale);
  if (!format) counts.set(locale, (format = new Intl.NumberFormat(locale)));
  const specific = `${key}#${rule.select(count)}`;
  return { key: has(specific) ? specific : `${key}#other`, count: format.format(count) };
}

const relativeTimes = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * How long until something may be tried again, as a person says it: "in 54 minutes", "2시간 후". Rounded up, so the
 * time said is never too early; seconds under a minute, minutes under an hour and a half, hours beyond.
 */
export function formatWait(seconds: number, locale: Locale): string {
  let format = relativeTimes.get(locale);
  if (!format) relativeTimes.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: "always" })));
  if (seconds < 60) return format.format(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds < 90 * 60) return format.format(Math.ceil(seconds / 60), "minute");
  return format.format(Math.ceil(seconds / 3600), "hour");
}
