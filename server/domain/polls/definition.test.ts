import { describe, expect, it } from "vitest";
import { effectiveStatus } from "./definition";

const at = (iso: string) => new Date(iso);
const now = at("2026-11-24T12:00:00Z");

describe("poll window", () => {
  it("reads an open poll past its closing time as closed and one before its opening as scheduled", () => {
    expect(effectiveStatus({ status: "open", opensAt: null, closesAt: at("2026-11-24T11:00:00Z") }, now)).toBe("closed");
    expect(effectiveStatus({ status: "open", opensAt: at("2026-11-25T00:00:00Z"), closesAt: null }, now)).toBe("scheduled");
    expect(effectiveStatus({ status: "draft", opensAt: null, closesAt: null }, now)).toBe("draft");
  });
});
