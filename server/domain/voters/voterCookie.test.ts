import { describe, expect, it } from "vitest";
import { issueVoterId, readVoterCookie, signVoterId } from "./voterCookie";

const secret = "test-secret-of-sufficient-length-0123456789";

describe("voter cookie", () => {
  it("reads back a voter id it signed", () => {
    const voterId = issueVoterId();
    expect(readVoterCookie(signVoterId(voterId, secret), secret)).toEqual({ kind: "valid", voterId });
  });

  it("rejects a tampered id, a forged signature and another secret's cookie", () => {
    const cookie = signVoterId(issueVoterId(), secret);
    const [id, sig] = cookie.split(".");
    const tamperedId = `${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}.${sig}`;
    expect(readVoterCookie(tamperedId, secret).kind).toBe("invalid");
    expect(readVoterCookie(`${id}.${"A".repeat(sig.length)}`, secret).kind).toBe("invalid");
    expect(readVoterCookie(signVoterId(id, "another-secret-another-secret-1234"), secret).kind).toBe("invalid");
    expect(readVoterCookie("no-dot-here", secret).kind).toBe("invalid");
    expect(readVoterCookie(`${id}.`, secret).kind).toBe("invalid");
    for (const last of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef") {
      const respelled = `${id}.${sig.slice(0, -1)}${last}`;
      if (respelled !== cookie) expect(readVoterCookie(respelled, secret).kind).toBe("invalid");
    }
  });

  it("tells a missing cookie from an invalid one", () => {
    expect(readVoterCookie(undefined, secret).kind).toBe("missing");
    expect(readVoterCookie("", secret).kind).toBe("missing");
  });
});
