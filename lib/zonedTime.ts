import { TZDate } from "@date-fns/tz";

/**
 * Wall-clock times in a restaurant's time zone. Owner pages show and take times as the restaurant's clock reads
 * them, whatever zone the owner's browser (or the server) is in. TZDate does the zone arithmetic, gaps and overlaps
 * of daylight saving included; display goes through Intl with the `timeZone` option.
 */

/** The moment at which the day containing `now` began on the restaurant's clock. */
export function startOfDayIn(timeZone: string, now: Date): Date {
  const local = new TZDate(now.getTime(), timeZone);
  return new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), timeZone).getTime());
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The value a `<input type="datetime-local">` shows for a moment, on the restaurant's clock. */
export function toZonedInputValue(date: Date, timeZone: string): string {
  const d = new TZDate(date.getTime(), timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The moment a `datetime-local` value names on the restaurant's clock; undefined when empty or invalid. */
export function fromZonedInputValue(value: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const date = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime());
}

/** A moment as ISO 8601 on the restaurant's clock, with its offset: "2026-11-25T19:30:00.000+09:00". */
export function toZonedIso(date: Date, timeZone: string): string {
  return new TZDate(date.getTime(), timeZone).toISOString();
}
