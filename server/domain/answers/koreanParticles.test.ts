import { describe, expect, it } from "vitest";
import { withoutParticles } from "./koreanParticles";

describe("Korean particles", () => {
  it.each([
    ["김치찌개가", "김치찌개"],
    ["김치찌개는", "김치찌개"],
    ["불고기를", "불고기"],
    ["비빔밥을", "비빔밥"],
    ["비빔밥이", "비빔밥"],
    ["라면도", "라면"],
    ["상추와", "상추"],
    ["김밥과", "김밥"],
    ["불고기버거랑", "불고기버거"],
    ["된장국에", "된장국"],
    ["김치에도", "김치"],
    ["집에서", "집"],
    ["숟가락으로", "숟가락"],
    ["소금으로", "소금"],
  ])("%s counts as %s", (word, counted) => expect(withoutParticles(word)).toBe(counted));

  it.each(["사과", "포도", "오이", "떡볶이", "계란말이", "고구마", "맛있어요", "소고기"])("%s is kept whole", (word) => {
    expect(withoutParticles(word)).toBe(word);
  });

  it("takes a particle only where the grammar attaches it", () => {
    expect(withoutParticles("구이")).toBe("구이"); // 이 follows a closed syllable only
    expect(withoutParticles("장어구이")).toBe("장어구이");
    expect(withoutParticles("떡을")).toBe("떡을"); // a one-syllable particle leaves two syllables
  });

  it("leaves words that are not wholly Hangul", () => {
    expect(withoutParticles("pizza가")).toBe("pizza가");
    expect(withoutParticles("pizza")).toBe("pizza");
  });
});
