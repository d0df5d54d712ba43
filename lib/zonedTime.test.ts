import { describe, expect, it } from "vitest";
import { isTimeZone } from "./timeZone";
import { fromZonedInputValue, startOfDayIn, toZonedInputValue } from "./zonedTime";

describe("times on the restaurant's clock", () => {
  it("reads a datetime-local value in the restaurant's zone, wherever the code runs", () => {
    expect(fromZonedInputValue("2026-11-25T19:30", "Asia/Seoul")?.toISOString()).toBe("2026-11-25T10:30:00.000Z");
    expect(fromZonedInputValue("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(fromZonedInputValue("2026-01-01T09:00", "America/New_York")?.toISOString()).toBe("2026-01-01T14:00:00.000Z");
    expect(fromZonedInputValue("", "UTC")).toBeUndefined();
    expect(fromZonedInputValue("2026-13-01T09:00", "UTC")).toBeUndefined();
    expect(fromZonedInputValue("not a date", "UTC")).toBeUndefined();
  });

  it("shows a moment as the restaurant's clock reads it, and back", () => {
    const moment = new Date("2026-11-25T10:30:00.000Z");
    expect(toZonedInputValue(moment, "Asia/Seoul")).toBe("2026-11-25T19:30");
    expect(toZonedInputValue(moment, "Europe/London")).toBe("2026-11-25T10:30");
    expect(fromZonedInputValue(toZonedInputValue(moment, "Australia/Adelaide"), "Australia/Adelaide")).toEqual(moment);
  });

  it("finds the start of the restaurant's day, across a daylight-saving change", () => {
    const lateEvening = new Date("2026-11-25T16:00:00.000Z"); // 01:00 on the 26th in Seoul
    expect(startOfDayIn("Asia/Seoul", lateEvening).toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect(startOfDayIn("UTC", lateEvening).toISOString()).toBe("2026-11-25T00:00:00.000Z");
    // 8 March 2026, New York moves from EST to EDT at 02:00: the day began at 05:00 UTC.
    expect(startOfDayIn("America/New_York", new Date("2026-03-08T20:00:00.000Z")).toISOString()).toBe("2026-03-08T05:00:00.000Z");
  });

  it("knows real zones from made-up ones", () => {
    expect(isTimeZone("Asia/Seoul")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
