import { describe, expect, it } from "vitest";
import { groupJoinCode, readJoinCode } from "./joinCode";

describe("join codes as typed", () => {
  it("reads spaces, dashes, lower case and confusable letters leniently", () => {
    expect(readJoinCode("k7m 3qx")).toBe("K7M3QX");
    expect(readJoinCode(" K7M-3QX ")).toBe("K7M3QX");
    expect(readJoinCode("o1l2ab")).toBe("0112AB");
  });

  it("refuses what cannot be a code", () => {
    expect(readJoinCode("K7M3Q")).toBeNull();
    expect(readJoinCode("K7M3QXZ")).toBeNull();
    expect(readJoinCode("K7M3QU")).toBeNull();
    expect(readJoinCode("")).toBeNull();
  });

  it("groups by three for display", () => {
    expect(groupJoinCode("K7M3QX")).toBe("K7M 3QX");
  });
});
