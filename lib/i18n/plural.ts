import { en, type MessageKey } from "./en";
import { type Locale, type MessageParams, translate } from "./index";

/** Messages that vary with a count, written as `key#one`, `key#other` (CLDR plural categories; `other` always). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}#other` ? Base : never) : never;

const rules = new Map<Locale, Intl.PluralRules>();
const counts = new Map<Locale, Intl.NumberFormat>();

/** The message for `count` in `locale`: the plural form Intl.PluralRules picks, with `{count}` formatted for it. */
export function translatePlural(locale: Locale, key: PluralKey, count: number, params?: MessageParams): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  let format = counts.get(locale);
  if (!format) counts.set(locale, (format = new Intl.NumberFormat(locale)));
  const specific = `${key}#${rule.select(count)}`;
  const message = (specific in en ? specific : `${key}#other`) as MessageKey;
  return translate(locale, message, { count: format.format(count), ...params });
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
