import bloomFilters from "bloom-filters";

type HashableInput = Parameters<InstanceType<typeof bloomFilters.Hashing>["serialize"]>[0];

/**
 * The Bloom filter's hash, swapped through `bloom-filters`' documented extension point (`Hashing.serialize`): the
 * library's default XXH64 runs on 16-bit JavaScript number emulation and was a measurable share of the server's
 * CPU on every vote (bench `profile`, figures in docs/adr/0002). Voter ids are short ASCII strings, so two 32-bit
 * multiply-xor lanes over their characters, finished with a 32-bit avalanche, give the filter the well-spread
 * values double hashing needs (false-positive rate checked in voterIdHashing.test.ts) at a few nanoseconds per
 * character.
 */
export class VoterIdHashing extends bloomFilters.Hashing {
  serialize(element: HashableInput, seed = 0): number {
    const text = typeof element === "string" ? element : Buffer.from(element as ArrayBuffer).toString("latin1");
    let a = 0x811c9dc5 ^ seed;
    let b = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return avalanche(a ^ avalanche(b)) >>> 0;
  }
}

/** Spreads every input bit over the whole word (the standard 32-bit finaliser constants). */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
