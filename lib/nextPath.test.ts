import { describe, expect, it } from "vitest";
import { safeNextPath } from "./nextPath";

describe("where sign-in returns to", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/owner/polls/abc?tab=results")).toBe("/owner/polls/abc?tab=results");
    expect(safeNextPath("/owner/redeem")).toBe("/owner/redeem");
  });

  it("never leaves the site", () => {
    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "evil", "", null, undefined, "/%0d%0a//evil"]) {
      const path = safeNextPath(next);
      expect(path.startsWith("/") && !path.startsWith("//"), String(next)).toBe(true);
      expect(new URL(path, "https://tableside.test").origin, String(next)).toBe("https://tableside.test");
    }
    expect(safeNextPath("https://evil.example/")).toBe("/owner");
  });
});
