/** Time zones by IANA name. Kept apart from the zone arithmetic (zonedTime.ts), which the diner's bundle never needs. */

/** Whether `name` is a time zone this runtime knows (IANA names such as "Asia/Seoul", or "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The browser's (or server's) own zone: the default a new restaurant gets at sign-up. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
