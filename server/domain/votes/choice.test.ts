import { describe, expect, it } from "vitest";
import type { PollDefinition } from "../polls/definition";
import { ballotOf, validateChoice } from "./choice";

const poll = (overrides: Partial<PollDefinition> = {}): PollDefinition => ({
  id: "p1",
  slug: "s1",
  restaurantId: "r1",
  ownerId: "o1",
  question: "Next special?",
  kind: "choice",
  changeableUntilClose: false,
  multipleChoice: false,
  maxChoices: 1,
  optionIds: ["a", "b", "c"],
  resultsVisibility: "live",
  ballotCodes: null,
  presenceRequired: false,
  tableCards: null,
  ...overrides,
});

describe("validateChoice", () => {
  it("accepts one known option on a single-choice poll", () => {
    expect(() => validateChoice(poll(), ["b"])).not.toThrow();
  });

  it("refuses two options on a single-choice poll even if maxChoices says more", () => {
    expect(() => validateChoice(poll({ maxChoices: 3 }), ["a", "b"])).toThrow(/at most 1 option/);
  });

  it("accepts up to maxChoices on a multiple-choice poll and refuses more", () => {
    const multi = poll({ multipleChoice: true, maxChoices: 2 });
    expect(() => validateChoice(multi, ["a", "c"])).not.toThrow();
    expect(() => validateChoice(multi, ["a", "b", "c"])).toThrow(/at most 2 options/);
  });

  it("refuses repeated, unknown and empty choices", () => {
    const multi = poll({ multipleChoice: true, maxChoices: 3 });
    expect(() => validateChoice(multi, ["a", "a"])).toThrow(/chosen twice/);
    expect(() => validateChoice(multi, ["a", "zzz"])).toThrow(/unknown option/);
    expect(() => validateChoice(multi, [])).toThrow(/at least one/);
  });
});

describe("a rating per dish", () => {
  const dishes = ["x", "y", "z"].flatMap((dish) => [1, 2, 3, 4, 5].map((stars) => `${dish}${stars}`));
  const rating = poll({ kind: "rating", optionIds: dishes });

  it("takes one star for each of some or all dishes, kept in the dishes' order", () => {
    expect(() => validateChoice(rating, ["y4"])).not.toThrow();
    expect(() => validateChoice(rating, ["z1", "x5", "y3"])).not.toThrow();
    expect(ballotOf(rating, ["z1", "x5", "y3"])).toEqual(["x5", "y3", "z1"]);
  });

  it("refuses two stars for one dish, and more stars than dishes", () => {
    expect(() => validateChoice(rating, ["x1", "x5"])).toThrow(/one star per dish/);
    expect(() => validateChoice(rating, ["x1", "y1", "z1", "x2"])).toThrow(/at most 3 options/);
  });

  it("a plain rating takes one star", () => {
    expect(() => validateChoice(poll({ kind: "rating", optionIds: ["s1", "s2", "s3", "s4", "s5"] }), ["s1", "s2"])).toThrow(/at most 1 option/);
  });
});
