import { describe, expect, it } from "vitest";
import { formatDateTime, formatPrice, formatTime, parsePrice } from "./format";

describe("menu prices", () => {
  it("reads what owners type, in hundredths", () => {
    expect(parsePrice("12000")).toBe(1_200_000);
    expect(parsePrice(" 12,000 ")).toBe(1_200_000);
    expect(parsePrice("9.5")).toBe(950);
    expect(parsePrice("9.50")).toBe(950);
    expect(parsePrice("0")).toBe(0);
  });

  it("refuses what is not a price", () => {
    for (const text of ["", "abc", "-3", "9.999", "1e5", "12.", "."]) expect(parsePrice(text), text).toBeUndefined();
  });

  it("shows whole amounts without decimals and the others with two", () => {
    expect(formatPrice(1_200_000, "en")).toBe("12,000");
    expect(formatPrice(950, "en")).toBe("9.50");
    expect(formatPrice(1_200_000, "ko")).toBe("12,000");
  });

  it("shows the restaurant's currency with Intl.NumberFormat", () => {
    expect(formatPrice(1_200_000, "ko", "KRW")).toBe("₩12,000");
    expect(formatPrice(1_200_000, "en", "KRW")).toBe("₩12,000");
    expect(formatPrice(950, "en", "USD")).toBe("$9.50");
    expect(formatPrice(1_200, "en", "USD")).toBe("$12");
    expect(formatPrice(950, "en", "EUR")).toBe("€9.50");
  });
});

describe("times on owner pages", () => {
  it("are shown on the restaurant's clock when its zone is given", () => {
    const moment = "2026-11-25T10:30:00.000Z";
    expect(formatTime(moment, "en", "Asia/Seoul")).toBe("7:30 PM");
    expect(formatTime(moment, "en", "UTC")).toBe("10:30 AM");
    expect(formatDateTime(moment, "ko", "Asia/Seoul")).toMatch(/2026\. 11\. 25\..*7:30/);
  });
});
