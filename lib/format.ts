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

export function formatDateTime(iso: string | Date, locale: Locale): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

export function formatTime(iso: string | Date | number, locale: Locale): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit" });
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

/** The value a `<input type="datetime-local">` expects for a moment, in the browser's time zone. */
export function toDateTimeLocalValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The moment a `datetime-local` value names in the browser's time zone; undefined when empty or invalid. */
export function fromDateTimeLocalValue(value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A menu price, stored in hundredths: "12,000" for whole amounts, "9.50" otherwise. No currency: the menu's own. */
export function formatPrice(priceCents: number, locale: Locale): string {
  const whole = priceCents % 100 === 0;
  return numberFormat(locale, { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }, whole ? "price" : "price2").format(
    priceCents / 100,
  );
}

/** A price as typed ("12000", "12,000", "9.5", "9.50") in hundredths; undefined when it is not a price. */
export function parsePrice(text: string): number | undefined {
  const plain = text.trim().replace(/[,\s]/g, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(plain)) return undefined;
  return Math.round(Number(plain) * 100);
}
