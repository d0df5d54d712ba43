import { describe, expect, it } from "vitest";
import { dishRatingsOf, isRatingPerDish, rankingOf, ratingOf, withStarLabels } from "./kindResults";

const stars = ["1", "2", "3", "4", "5"].map((label, i) => ({ id: `s${i + 1}`, label }));

describe("a rating's summary", () => {
  it("averages the stars and lists the distribution five stars first", () => {
    const summary = ratingOf(stars, { counts: { s1: 1, s5: 3 }, total: 4, seq: 4 });
    expect(summary.count).toBe(4);
    expect(summary.average).toBe(4);
    expect(summary.distribution.map((d) => [d.stars, d.count, d.share])).toEqual([[5, 3, 0.75], [4, 0, 0], [3, 0, 0], [2, 0, 0], [1, 1, 0.25]]);
  });

  it("is empty before the first rating", () => {
    expect(ratingOf(stars, null)).toMatchObject({ count: 0, average: 0 });
  });
});

describe("a ranking's current order", () => {
  it("sorts by points, ties share a place in the poll's order", () => {
    const options = ["A", "B", "C"].map((label) => ({ id: label, label }));
    const order = rankingOf(options, { counts: { A: 4, B: 7, C: 4 }, total: 2, seq: 2 });
    expect(order.map((o) => [o.label, o.place, o.points])).toEqual([["B", 1, 7], ["A", 2, 4], ["C", 2, 4]]);
    expect(order[1].share).toBeCloseTo(4 / 7);
  });
});

describe("a rating per dish", () => {
  it("summarises each dish from its own five options", () => {
    const options = ["Bibimbap", "Japchae"].flatMap((label, d) => [1, 2, 3, 4, 5].map((s) => ({ id: `${d}-${s}`, label, menuItemId: `dish-${d}` })));
    const dishes = dishRatingsOf(options, { counts: { "0-5": 2, "0-3": 1, "1-1": 1 }, total: 2, seq: 2 });
    expect(dishes.map((d) => [d.dish.label, d.dish.menuItemId, d.rating.count, d.rating.average])).toEqual([
      ["Bibimbap", "dish-0", 3, 13 / 3],
      ["Japchae", "dish-1", 1, 1],
    ]);
    expect(isRatingPerDish(options)).toBe(true);
    expect(isRatingPerDish(stars)).toBe(false);
  });
});

describe("options named one by one", () => {
  it("name a rating per dish's option by its dish and stars, and leave other options alone", () => {
    const options = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `o${n}`, label: n <= 5 ? "Bibimbap" : "Japchae", menuItemId: n <= 5 ? "d1" : "d2" }));
    expect(withStarLabels("rating", options).map((o) => o.label).slice(3)).toEqual(["Bibimbap ★4", "Bibimbap ★5", "Japchae ★1"]);
    expect(withStarLabels("rating", stars).map((o) => o.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(withStarLabels("choice", options)[0].label).toBe("Bibimbap");
  });
});
