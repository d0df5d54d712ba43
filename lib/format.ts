import type { Locale } from "./i18n";

/**
 * Display formatting shared by every page. The `Intl` formatters are cached per locale: the live screen formats
 * numbers ten times a second for hours, and building a formatter is far slower than using one.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions, key: string): Intl.NumberFormat {
  const cacheKey = `${locale}:${key}`;
  let format = numberFormats.get(cacheKey);
  if (!format) numberFormats.set(cacheKey, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function formatCount(count: number, locale: Locale): string {
  return numberFormat(locale, {}, "count").format(count);
}

/** A share of the votes as a whole percentage ("42%"); 0 votes out of 0 reads as 0%. */
export function formatShare(share: number, locale: Locale): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }, "percent").format(share);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions, timeZone: string | undefined, key: string): Intl.DateTimeFormat {
  const cacheKey = `${locale}:${timeZone ?? ""}:${key}`;
  let format = dateFormats.get(cacheKey);
  if (!format) dateFormats.set(cacheKey, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

/** A date and time; on owner pages in the restaurant's `timeZone`, elsewhere in the viewer's own. */
export function formatDateTime(iso: string | Date, locale: Locale, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }, timeZone, "datetime").format(new Date(iso));
}

export function formatTime(iso: string | Date | number, locale: Locale, timeZone?: string): string {
  return dateFormat(locale, { hour: "numeric", minute: "2-digit" }, timeZone, "time").format(new Date(iso));
}

/** A countdown: "4:09" under an hour, "1:05:09" above; never negative. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/**
 * A menu price, stored in hundredths, in the restaurant's currency when given ("₩12,000", "$9.50"): whole amounts
 * without decimals, others with the currency's own. Without a currency, the bare amount ("12,000", "9.50").
 */
export function formatPrice(priceCents: number, locale: Locale, currency?: string): string {
  const whole = priceCents % 100 === 0;
  const digits = whole ? { minimumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  const options: Intl.NumberFormatOptions = currency ? { style: "currency", currency, ...(whole ? { minimumFractionDigits: 0 } : {}) } : digits;
  return numberFormat(locale, options, `price:${currency ?? ""}:${whole}`).format(priceCents / 100);
}

/** A price as typed ("12000", "12,000", "9.5", "9.50") in hundredths; undefined when it is not a price. */
export function parsePrice(text: string): number | undefined {
  const plain = text.trim().replace(/[,\s]/g, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(plain)) return undefined;
  return Math.round(Number(plain) * 100);
}
