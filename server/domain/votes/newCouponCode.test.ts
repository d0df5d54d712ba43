import { describe, expect, it } from "vitest";
import { isCouponCode } from "@/lib/couponCode";
import { newCouponCode } from "./castVote";

describe("newCouponCode", () => {
  it("issues valid, distinct codes across refills of its random buffer (512 codes each)", () => {
    const codes = Array.from({ length: 2_000 }, () => newCouponCode());
    expect(codes.every(isCouponCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
