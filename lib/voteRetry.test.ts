import { describe, expect, it } from "vitest";
import { shouldRetryVote, VOTE_RETRY, voteRetryDelayMs } from "./voteRetry";

describe("vote retry policy", () => {
  it("retries a vote without an answer a bounded number of times, and anything else never", () => {
    const retries = Array.from({ length: 10 }, (_, n) => shouldRetryVote(n, "no_answer")).filter(Boolean).length;
    expect(retries).toBe(VOTE_RETRY.attempts - 1);
    expect(shouldRetryVote(0, "other")).toBe(false);
    expect([0, 1].map((n) => shouldRetryVote(n, "unauthorized"))).toEqual([true, false]);
  });

  it("waits longer each time, up to the cap, with jitter in the upper half of each step", () => {
    const low = Array.from({ length: 6 }, (_, n) => voteRetryDelayMs(n, "no_answer", () => 0));
    const high = Array.from({ length: 6 }, (_, n) => voteRetryDelayMs(n, "no_answer", () => 1));
    expect(high).toEqual([400, 800, 1_600, 3_200, 4_000, 4_000]);
    expect(low).toEqual([200, 400, 800, 1_600, 2_000, 2_000]);
    expect(voteRetryDelayMs(0, "unauthorized")).toBe(0);
  });

  it("gives up after about eighteen seconds of waiting at most", () => {
    let total = 0;
    for (let n = 0; shouldRetryVote(n, "no_answer"); n++) total += voteRetryDelayMs(n, "no_answer", () => 1);
    expect(total).toBe(18_000);
  });
});
