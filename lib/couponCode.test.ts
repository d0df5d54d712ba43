import { describe, expect, it } from "vitest";
import { COUPON_CODE_ALPHABET, groupCouponCode, isCouponCode, normalizeCouponCode } from "./couponCode";
import { couponCodeInput } from "./schemas";

describe("coupon codes typed at the counter", () => {
  it("drops spaces, dashes and dots, and raises lower case", () => {
    expect(normalizeCouponCode(" 7k3m-9qx2 abcd ")).toBe("7K3M9QX2ABCD");
    expect(normalizeCouponCode("7K3M.9QX2.ABCD")).toBe("7K3M9QX2ABCD");
    expect(normalizeCouponCode("7K3M\t9QX2\nABCD")).toBe("7K3M9QX2ABCD");
  });

  it("reads the letters Crockford's alphabet leaves out as the digits they look like", () => {
    expect(normalizeCouponCode("O0oI1iL1l")).toBe("000111111");
    expect(normalizeCouponCode("ABCD-EFGH-JKMO")).toBe("ABCDEFGHJKM0");
  });

  it("every issued character survives normalisation unchanged", () => {
    expect(normalizeCouponCode(COUPON_CODE_ALPHABET)).toBe(COUPON_CODE_ALPHABET);
    expect(normalizeCouponCode(COUPON_CODE_ALPHABET.toLowerCase())).toBe(COUPON_CODE_ALPHABET);
  });

  it("accepts 12 characters of the alphabet only", () => {
    expect(isCouponCode("7K3M9QX2ABCD")).toBe(true);
    expect(isCouponCode("7K3M9QX2ABC")).toBe(false);
    expect(isCouponCode("7K3M9QX2ABCU")).toBe(false); // U is not in the alphabet
    expect(isCouponCode("<script>1234")).toBe(false);
  });

  it("the API's input schema reads a typed code the same way and refuses what is not a code", () => {
    expect(couponCodeInput.parse({ code: "7k3m 9qx2-abcd" })).toEqual({ code: "7K3M9QX2ABCD" });
    expect(couponCodeInput.parse({ code: "oooo iiii llll" })).toEqual({ code: "000011111111" });
    expect(couponCodeInput.safeParse({ code: "" }).success).toBe(false);
    expect(couponCodeInput.safeParse({ code: "x".repeat(500) }).success).toBe(false);
    expect(couponCodeInput.safeParse({ code: "7K3M9QX2ABCDE" }).success).toBe(false);
  });

  it("groups a code in fours for reading", () => {
    expect(groupCouponCode("7K3M9QX2ABCD")).toBe("7K3M 9QX2 ABCD");
  });
});
