import { describe, expect, it } from "vitest";
import { hasProfanity, isProfane } from "./profanity";

describe("profanity", () => {
  it.each(["fuck", "f4ck", "shit", "bitches", "씨발", "시발", "병신", "개새끼들", "ㅆㅂ", "tlqkf", "썅"])("%s is profane", (word) => {
    expect(isProfane(word)).toBe(true);
  });

  it.each(["pizza", "assessment", "scunthorpe", "cocktail", "dickens", "김치", "씹는", "시금치", "미역국", "맛집"])("%s is not", (word) => {
    expect(isProfane(word)).toBe(false);
  });

  it("marks a whole answer that holds a profane word", () => {
    expect(hasProfanity("the pasta was shit")).toBe(true);
    expect(hasProfanity("국밥 씨발 맛있다")).toBe(true);
    expect(hasProfanity("more kimchi please")).toBe(false);
  });
});
