import { describe, expect, it } from "vitest";
import { ballotCode, voterOfBallotCode } from "./ballotCodes";

const secret = "a-secret-of-sufficient-length-0123456789";

describe("ballot codes", () => {
  it("accepts each of the poll's codes as its own voter, in any case", () => {
    const code = ballotCode(secret, "poll1", 7);
    expect(code).toMatch(/^7-[0-9A-Z]{10}$/);
    expect(voterOfBallotCode(secret, "poll1", 10, code)).toBe("code:7");
    expect(voterOfBallotCode(secret, "poll1", 10, ` ${code.toLowerCase()} `)).toBe("code:7");
  });

  it("refuses codes of another poll, beyond the count, altered, or malformed", () => {
    const code = ballotCode(secret, "poll1", 7);
    expect(voterOfBallotCode(secret, "poll2", 10, code)).toBeNull();
    expect(voterOfBallotCode(secret, "poll1", 6, code)).toBeNull();
    expect(voterOfBallotCode(secret, "poll1", 10, code.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toBeNull();
    expect(voterOfBallotCode(secret, "poll1", 10, `8-${code.slice(2)}`)).toBeNull();
    expect(voterOfBallotCode(secret, "poll1", 10, "0-AAAAAAAAAA")).toBeNull();
    expect(voterOfBallotCode(secret, "poll1", 10, "nonsense")).toBeNull();
  });
});
