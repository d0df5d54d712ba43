import { describe, expect, it } from "vitest";
import { formatWait, translatePlural } from "./plural";

describe("plurals and waits, in both languages", () => {
  it("picks the plural form with Intl.PluralRules and formats the count", () => {
    expect(translatePlural("en", "common.votes", 1)).toBe("1 vote");
    expect(translatePlural("en", "common.votes", 0)).toBe("0 votes");
    expect(translatePlural("en", "common.votes", 12345)).toBe("12,345 votes");
    expect(translatePlural("ko", "common.votes", 1)).toBe("1표");
    expect(translatePlural("ko", "redeem.todayCount", 3)).toBe("오늘 쿠폰 3장 사용");
    expect(translatePlural("en", "redeem.todayCount", 1)).toBe("1 coupon redeemed today");
  });

  it("says a rate limit's wait as a person would", () => {
    expect(formatWait(3197, "en")).toBe("in 54 minutes");
    expect(formatWait(3197, "ko")).toBe("54분 후");
    expect(formatWait(5, "en")).toBe("in 5 seconds");
    expect(formatWait(0.2, "en")).toBe("in 1 second");
    expect(formatWait(61, "en")).toBe("in 2 minutes");
    expect(formatWait(3 * 3600, "en")).toBe("in 3 hours");
    expect(formatWait(3 * 3600, "ko")).toBe("3시간 후");
  });
});
