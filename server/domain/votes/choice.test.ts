import { describe, expect, it } from "vitest";
import type { PollDefinition } from "../polls/definition";
import { validateChoice } from "./choice";

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
