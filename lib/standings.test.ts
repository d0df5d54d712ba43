import { describe, expect, it } from "vitest";
import { formatDuration } from "./format";
import { leadersOf, standingsOf } from "./standings";

const options = [
  { id: "a", label: "Bibimbap" },
  { id: "b", label: "Bulgogi" },
  { id: "c", label: "Japchae" },
];

describe("standingsOf", () => {
  it("keeps the poll's order, shares add up to one, and marks the leader", () => {
    const standings = standingsOf(options, { counts: { a: 1, b: 3 }, total: 4, seq: 4 });
    expect(standings.map((s) => [s.id, s.count, s.share, s.leading])).toEqual([
      ["a", 1, 0.25, false],
      ["b", 3, 0.75, true],
      ["c", 0, 0, false],
    ]);
    expect(leadersOf(standings).map((s) => s.label)).toEqual(["Bulgogi"]);
  });

  it("has no leader before the first vote or without results, and several on a tie", () => {
    expect(leadersOf(standingsOf(options, null))).toEqual([]);
    expect(leadersOf(standingsOf(options, { counts: {}, total: 0, seq: 0 }))).toEqual([]);
    const tie = standingsOf(options, { counts: { a: 2, c: 2 }, total: 4, seq: 4 });
    expect(leadersOf(tie).map((s) => s.id)).toEqual(["a", "c"]);
  });
});

describe("formatting", () => {
  it("counts down in minutes and seconds, hours when needed, never below zero", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(-5_000)).toBe("0:00");
    expect(formatDuration(4 * 60_000 + 8_100)).toBe("4:09");
    expect(formatDuration(3_600_000 + 5 * 60_000 + 9_000)).toBe("1:05:09");
  });
});
