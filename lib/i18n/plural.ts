import { en, type MessageKey } from "./en";
import { formatWait, pluralOf } from "./fill";
import { type Locale, type MessageParams, translate } from "./index";

export { formatWait };

/** Messages that vary with a count, written as `key#one`, `key#other` (CLDR plural categories; `other` always). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}#other` ? Base : never) : never;

/** The message for `count` in `locale`: the plural form Intl.PluralRules picks, with `{count}` formatted for it. */
export function translatePlural(locale: Locale, key: PluralKey, count: number, params?: MessageParams): string {
  const form = pluralOf(locale, key, count, (specific) => specific in en);
  return translate(locale, form.key as MessageKey, { count: form.count, ...params });
}
