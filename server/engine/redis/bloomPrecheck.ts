import bloomFilters from "bloom-filters";
import { VoterIdHashing } from "./voterIdHashing";

// bloom-filters is CommonJS: Node's ESM loader sees only its default export.
const { BloomFilter } = bloomFilters;
type BloomFilter = InstanceType<typeof BloomFilter>;

export type BloomSizing = { expectedVoters: number; falsePositiveRate: number };

/**
 * An in-process memory of who has voted in a poll, as a Bloom filter per poll. It can only shorten the duplicate
 * path: "maybe voted" sends the vote to a cheap read-only confirmation in Redis instead of the script, and a false
 * positive falls through to the script, which decides. It never rejects a vote by itself.
 * Filters are kept for the most recently used polls only, so memory stays bounded however many polls exist.
 */
export class VoterBloomPrecheck {
  private readonly filters = new Map<string, BloomFilter>();

  constructor(
    private readonly sizing: BloomSizing = { expectedVoters: 100_000, falsePositiveRate: 0.01 },
    private readonly maxPolls = 256,
    private readonly createFilter: () => BloomFilter = () => fastFilter(sizing),
  ) {}

  mayHaveVoted(pollId: string, voterId: string): boolean {
    return this.filters.get(pollId)?.has(voterId) ?? false;
  }

  remember(pollId: string, voterId: string): void {
    let filter = this.filters.get(pollId);
    if (filter) {
      this.filters.delete(pollId); // re-insert: Map order is our recency order
    } else {
      filter = this.createFilter();
      if (this.filters.size >= this.maxPolls) this.filters.delete(this.filters.keys().next().value!);
    }
    this.filters.set(pollId, filter);
    filter.add(voterId);
  }
}

function fastFilter({ expectedVoters, falsePositiveRate }: BloomSizing): BloomFilter {
  const filter = BloomFilter.create(expectedVoters, falsePositiveRate);
  filter._hashing = new VoterIdHashing();
  return filter;
}
