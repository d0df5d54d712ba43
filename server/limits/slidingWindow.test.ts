import { describe, expect, it } from "vitest";
import { decide, retryAfterMs, weightedCount, windowOf } from "./slidingWindow";

const rule = { limit: 10, windowMs: 60_000 };

describe("sliding-window counter", () => {
  it("weighs the previous window by its overlap", () => {
    expect(weightedCount({ previous: 10, current: 0, elapsedFraction: 0.3 })).toBeCloseTo(7);
    expect(weightedCount({ previous: 10, current: 4, elapsedFraction: 1 })).toBe(4);
  });

  it("admits exactly up to the limit at a window boundary", () => {
    // A full previous window, 30 % into the current one: 7 still count, so 3 more fit and the 4th does not.
    let current = 0;
    const admitted = Array.from({ length: 5 }, () => {
      const d = decide({ previous: 10, current, elapsedFraction: 0.3 }, rule);
      if (d.allowed) current++;
      return d.allowed;
    });
    expect(admitted).toEqual([true, true, true, false, false]);
  });

  it("says how long to wait: within the window, or into the next", () => {
    // previous 10, current 3 at 30 %: room for the next one when 10·(1−f)+3+1 ≤ 10, f = 0.4 → 6 s from now.
    expect(retryAfterMs({ previous: 10, current: 3, elapsedFraction: 0.3 }, rule)).toBe(6_000);
    // current already full: the next window starts in 42 s, and then 10·(1−f)+1 ≤ 10 needs f = 0.1 → 6 s more.
    expect(retryAfterMs({ previous: 0, current: 10, elapsedFraction: 0.3 }, rule)).toBe(48_000);
    const decision = decide({ previous: 10, current: 3, elapsedFraction: 0.3 }, rule);
    expect(decision).toEqual({ allowed: false, retryAfterMs: 6_000 });
  });

  it("finds the window of a moment", () => {
    expect(windowOf(90_000, 60_000)).toEqual({ index: 1, elapsedFraction: 0.5 });
  });
});
