import { describe, expect, it } from "vitest";
import { csvField } from "./exportBallots";

describe("csvField", () => {
  it("quotes commas, quotes and newlines, and defuses formulas", () => {
    expect(csvField("Bibimbap")).toBe("Bibimbap");
    expect(csvField('Soup, "hot"')).toBe('"Soup, ""hot"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(42)).toBe("42");
  });
});
