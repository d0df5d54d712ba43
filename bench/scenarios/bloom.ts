import { randomBytes } from "node:crypto";
import bloomFilters from "bloom-filters";
import { Redis } from "ioredis";
import { VoterIdHashing } from "../../server/engine/redis/voterIdHashing";
import { startSpareRedis } from "../support/backing";
import { startServer, type ServerUnderTest } from "../support/children";
import { castVotes, measured, over } from "../support/load";
import { PollMaker } from "../support/polls";
import { redisCpuMs } from "../support/redisCpu";
import { fmt, type Scenario } from "../support/scenario";
import { spread } from "../support/stats";
import { newVoterPrefix } from "../support/voters";

const { BloomFilter } = bloomFilters;
const VOTERS = 10_000_000;
const FP_RATE = 0.01;
const ROUNDS = 3;
const POOL = 2_000;
const DURATION_MS = 4_000;

/** The Redis set of 10 million voter ids (as the server issues them: 16 random bytes, base64url) and its MEMORY USAGE. */
async function redisSetMemory(root: string, progress: (fraction: number) => void) {
  const spare = await startSpareRedis(root, "bloom-redis");
  const redis = new Redis(spare.redisUrl);
  try {
    const batch = 20_000;
    for (let done = 0; done < VOTERS; done += batch) {
      const ids = Array.from({ length: batch }, () => randomBytes(16).toString("base64url"));
      await redis.sadd("{poll:bench}:voters", ...ids);
      if (done % 500_000 === 0) progress(done / VOTERS);
    }
    const members = await redis.scard("{poll:bench}:voters");
    const bytes = Number(await redis.call("MEMORY", "USAGE", "{poll:bench}:voters", "SAMPLES", "0"));
    return { members, bytes };
  } finally {
    redis.disconnect();
    await spare.stop();
  }
}

/** The in-process filter for the same voters: its bit array, measured as the process's ArrayBuffer growth. */
function bloomMemory() {
  const before = process.memoryUsage().arrayBuffers;
  const filter = BloomFilter.create(VOTERS, FP_RATE);
  const bytes = process.memoryUsage().arrayBuffers - before;
  // The false-positive rate, checked on a filter of 100,000 voters at the same target with the hashing the server
  // uses (server/engine/redis/voterIdHashing.ts); adding 10 million ids would change no byte of the array.
  const small = BloomFilter.create(100_000, FP_RATE);
  small._hashing = new VoterIdHashing();
  for (let i = 0; i < 100_000; i++) small.add(`member-${i}`);
  let falsePositives = 0;
  for (let i = 0; i < 100_000; i++) if (small.has(`stranger-${i}`)) falsePositives++;
  return { bytes, bits: filter.size, hashes: filter._nbHashes as number, falsePositiveRate: falsePositives / 100_000 };
}

/**
 * The Bloom pre-check's two claims. Memory: a filter for 10 million voters at 1% false positives against the Redis
 * set of the same voters. Speed: the duplicate path (a voter voting again) with the pre-check (a read-only
 * confirmation in Redis) and without it (the vote script), same production server build, interleaved rounds.
 */
export const bloom: Scenario = {
  name: "bloom",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    progress("Bloom filter memory");
    const filter = bloomMemory();
    const set = await redisSetMemory(backing.root, (f) => progress("Redis set of 10 million voters", 0.4 * f));

    progress("duplicate path: starting servers", 0.4);
    const servers: Record<"on" | "off", ServerUnderTest> = {
      on: await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, precheck: "on" }),
      off: await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, precheck: "off" }),
    };
    const redis = new Redis(backing.redisUrl);
    const maker = new PollMaker(servers.on.url, backing.databaseUrl);
    type Run = Awaited<ReturnType<typeof castVotes>> & { serverCpuUsPerVote: number; redisCpuUsPerVote: number };
    const runs: Record<"on" | "off", Run[]> = { on: [], off: [] };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const mode of round % 2 ? (["off", "on"] as const) : (["on", "off"] as const)) {
          progress(`duplicate path: round ${round + 1}/${ROUNDS}, pre-check ${mode}`, 0.4 + (0.6 * (round * 2 + (mode === "off" ? 1 : 0))) / (ROUNDS * 2));
          const server = servers[mode];
          const poll = await maker.openPoll();
          const voters = { prefix: newVoterPrefix(), pool: POOL };
          const first = await castVotes(server, [poll], { voters, concurrency: 64, total: POOL });
          if (first.accepted !== POOL) throw new Error(`first votes: ${first.accepted} accepted, ${first.errorSamples.join("; ")}`);
          const r0 = await redisCpuMs(redis);
          const run = await measured(server, () => castVotes(server, [poll], { voters, concurrency: 64, warmupMs: 1_000, durationMs: DURATION_MS }));
          const r1 = await redisCpuMs(redis);
          if (run.errors || run.accepted) throw new Error(`duplicates: ${run.accepted} accepted, ${run.errors} errors ${run.errorSamples.join("; ")}`);
          runs[mode].push({ ...run, redisCpuUsPerVote: ((r1 - r0) * 1000) / (run.votes * (1 + 1_000 / DURATION_MS)) });
        }
      }
    } finally {
      redis.disconnect();
      await maker.close();
      await Promise.all(Object.values(servers).map((s) => s.stop()));
    }
    const ratio = spread(runs.on.map((r, i) => r.votesPerSec / runs.off[i].votesPerSec));
    const row = (label: string, r: Run[]) => [
      label,
      fmt.spread(over(r, (x) => x.votesPerSec)),
      fmt.spread(over(r, (x) => x.latency.p50), 1),
      fmt.spread(over(r, (x) => x.latency.p99), 1),
      fmt.spread(over(r, (x) => x.serverCpuUsPerVote)),
      fmt.spread(over(r, (x) => x.redisCpuUsPerVote), 1),
    ];
    return {
      title: "Bloom filter pre-check",
      about: "Memory of the in-process Bloom filter against the Redis voter set for 10 million voters, and the cost of the duplicate path (a voter voting again) with and without the pre-check.",
      tables: [
        {
          title: `Memory for ${VOTERS.toLocaleString("en-US")} voters`,
          head: ["structure", "memory", "per voter", "notes"],
          rows: [
            [`Bloom filter, ${FP_RATE * 100}% false positives`, fmt.mb(filter.bytes), `${fmt.n((filter.bytes * 8) / VOTERS, 1)} bits`, `${fmt.n(filter.bits)} bits, ${filter.hashes} hashes; measured false-positive rate ${(filter.falsePositiveRate * 100).toFixed(2)}%`],
            ["Redis set (MEMORY USAGE, SAMPLES 0)", fmt.mb(set.bytes), `${fmt.n(set.bytes / set.members, 1)} bytes`, `${fmt.n(set.members)} members of 22 characters`],
          ],
          notes: [`The filter takes ${fmt.n(set.bytes / filter.bytes, 1)}× less memory than the set; it does not replace the set (Redis decides), it keeps duplicates away from the vote script.`],
        },
        {
          title: `Duplicate path: ${POOL.toLocaleString("en-US")} voters voting again (${ROUNDS} rounds × ${DURATION_MS / 1000} s, median (min–max))`,
          head: ["pre-check", "votes/s", "p50 ms", "p99 ms", "server CPU µs/vote", "Redis CPU µs/vote"],
          rows: [row("on (Bloom filter, then a read-only confirmation)", runs.on), row("off (every duplicate runs the vote script)", runs.off)],
          notes: [`with ÷ without, votes/s within a round: ${fmt.ratio(ratio)}`],
        },
      ],
      charts: [
        {
          kind: "bars",
          file: "bloom-duplicates.svg",
          title: "Duplicate votes/s with and without the Bloom pre-check",
          unit: "votes/s",
          bars: [
            { label: "pre-check on", value: over(runs.on, (x) => x.votesPerSec) },
            { label: "pre-check off", value: over(runs.off, (x) => x.votesPerSec) },
          ],
        },
      ],
      data: { filter, set, ratio, runs: Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.map(({ accepts, coupons, ...x }) => x)])) },
    };
  },
};
