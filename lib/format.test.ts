import { describe, expect, it } from "vitest";
import { formatPrice, parsePrice } from "./format";

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
});
