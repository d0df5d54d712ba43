import { describe, expect, it } from "vitest";
import { countedWords } from "./countWords";

describe("counted words of an open answer", () => {
  it("segments Korean and takes particles off, so one dish is one word", () => {
    expect(countedWords("김치찌개가 맛있어요! 떡볶이도 좋아요")).toEqual(["김치찌개", "맛있어요", "떡볶이", "좋아요"]);
    expect(countedWords("김치찌개는 최고")).toContain("김치찌개");
  });

  it("folds English case, full-width letters and possessives, and drops stop words and numbers", () => {
    expect(countedWords("More PIZZA, please — the chef's tacos in 2024")).toEqual(["more", "pizza", "chef", "tacos"]);
    expect(countedWords("ｐｉｚｚａ Pizza pizza")).toEqual(["pizza"]);
  });

  it("counts a word once per answer", () => {
    expect(countedWords("pizza pizza pizza 피자 피자를")).toEqual(["pizza", "피자"]);
  });

  it("keeps profanity out in English and Korean, and nothing else", () => {
    expect(countedWords("fucking great pizza")).toEqual(["great", "pizza"]);
    expect(countedWords("씨발 국밥 최고 개새끼들")).toEqual(["국밥", "최고"]);
    expect(countedWords("ㅆㅂ 라면 ㅋㅋㅋ ㅠㅠ")).toEqual(["라면"]);
    expect(countedWords("assessment of the class cocktail")).toEqual(["assessment", "class", "cocktail"]);
    expect(countedWords("씹는 맛이 좋은 떡")).toEqual(["씹는", "맛이", "좋은", "떡"]) // "맛이" keeps 이: one syllable would be left;
  });

  it("drops over-long and letterless words", () => {
    expect(countedWords(`${"a".repeat(30)} 123 !!! 🍕`)).toEqual([]);
  });
});
