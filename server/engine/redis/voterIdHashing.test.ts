import { randomUUID } from "node:crypto";
import bloomFilters from "bloom-filters";
import { describe, expect, it } from "vitest";
import { VoterIdHashing } from "./voterIdHashing";

describe("the Bloom filter's voter-id hash", () => {
  it("keeps the filter at its designed false-positive rate", () => {
    const filter = bloomFilters.BloomFilter.create(50_000, 0.01);
    filter._hashing = new VoterIdHashing();
    for (let i = 0; i < 50_000; i++) filter.add(randomUUID());
    let falsePositives = 0;
    const strangers = 50_000;
    for (let i = 0; i < strangers; i++) if (filter.has(randomUUID())) falsePositives++;
    // 1% designed; 1.3% leaves room for chance (the standard deviation at this size is about 0.045%).
    expect(falsePositives / strangers).toBeLessThan(0.013);
  });

  it("answers 'maybe' for every member and differs by seed", () => {
    const filter = bloomFilters.BloomFilter.create(1_000, 0.01);
    filter._hashing = new VoterIdHashing();
    const members = Array.from({ length: 1_000 }, () => randomUUID());
    for (const id of members) filter.add(id);
    expect(members.every((id) => filter.has(id))).toBe(true);
    const hashing = new VoterIdHashing();
    expect(hashing.serialize("voter-1", 1)).not.toBe(hashing.serialize("voter-1", 2));
  });
});
