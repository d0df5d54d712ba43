import bloomFilters from "bloom-filters";
import { describe, expect, it } from "vitest";
import { createOpenPoll, runConcurrently, signUpOwner } from "../../../test/support/fixtures";
import { useTestApp } from "../../../test/support/testApp";
import { VoterBloomPrecheck } from "./bloomPrecheck";

/** Counts how often the filter answered "maybe voted" for a voter it had never seen. */
class CountingPrecheck extends VoterBloomPrecheck {
  falsePositives = 0;
  private readonly seen = new Set<string>();
  override mayHaveVoted(pollId: string, voterId: string): boolean {
    const maybe = super.mayHaveVoted(pollId, voterId);
    if (maybe && !this.seen.has(`${pollId}/${voterId}`)) this.falsePositives++;
    return maybe;
  }
  override remember(pollId: string, voterId: string): void {
    this.seen.add(`${pollId}/${voterId}`);
    super.remember(pollId, voterId);
  }
}

describe("Bloom pre-check", () => {
  // 16 bits and one hash: after a handful of voters nearly every new voter reads as "maybe voted".
  const precheck = new CountingPrecheck(undefined, 256, () => new bloomFilters.BloomFilter(16, 1));
  const app = useTestApp("redis", { precheck });

  it("never rejects a first vote, however often it answers 'maybe voted'", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const answers = await runConcurrently(Array.from({ length: 500 }, () => app.browser()), 50, (diner) =>
      diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] }),
    );
    expect(precheck.falsePositives).toBeGreaterThan(400);
    expect(answers.every((a) => a.status === "accepted")).toBe(true);
    expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(500);
  });

  it("answers a confirmed duplicate from the read-only check, with the voter's coupon and the tally", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const diner = app.browser();
    await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] });
    const again = await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[2].id] });
    expect(again.status).toBe("already_voted");
    expect(again.results?.counts[poll.options[1].id]).toBe(1);
    expect(again.results?.total).toBe(1);
  });

  it("counts a duplicate's rate limit in the read-only check, and a false positive's only once", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const limit = { key: `client-${Math.random()}`, rule: { limit: 4, windowMs: 3_600_000 } };
    const vote = (voterId: string) =>
      app.services.engine.castVote({ poll: { id: poll.id, optionIds: poll.options.map((o) => o.id) }, voterId, optionIds: [poll.options[0].id], couponCode: "NOTACOUPON00", now: new Date(), limit });
    // With this filter nearly every voter reads as "maybe voted": each first vote is a false positive.
    const statuses = [];
    for (const voterId of ["a", "b", "a", "c", "a"].map((v) => `${limit.key}-${v}`)) statuses.push((await vote(voterId)).status);
    expect(statuses).toEqual(["accepted", "accepted", "already_voted", "accepted", "rate_limited"]);
    expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(3);
  });

  it("keeps filters for a bounded number of polls", () => {
    const small = new VoterBloomPrecheck({ expectedVoters: 100, falsePositiveRate: 0.01 }, 2);
    small.remember("p1", "v");
    small.remember("p2", "v");
    small.remember("p3", "v");
    expect(small.mayHaveVoted("p1", "v")).toBe(false);
    expect(small.mayHaveVoted("p3", "v")).toBe(true);
  });
});
