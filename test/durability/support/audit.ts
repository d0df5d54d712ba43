import { expect } from "vitest";
import type { RedisClient } from "../../../server/infra/redis/redisClient";
import { pollKeys, TOTAL_FIELD } from "../../../server/engine/redis/keys";
import { CHANGES_FIELD } from "../../../server/engine/tally";
import type { Db } from "../../../server/infra/db/prisma";
import type { VoteLoad } from "./voteLoad";

/** What Postgres, its counters and Redis hold of one poll, against what the voters were answered. */
export type Audit = {
  accepted: number;
  inPostgres: number;
  /** Voters answered `accepted` with no ballot in Postgres: lost votes. */
  acceptedMissing: number;
  /** Voters answered `accepted` whose Postgres ballot names another option. */
  acceptedWrongOption: number;
  /** Ballots of voters never answered `accepted`, by what their vote was answered ("error": no answer). */
  unansweredInPostgres: Record<string, number>;
  /** Voters with more than one ballot (the unique key makes this impossible: checked anyway). */
  votersWithTwoBallots: number;
  /** Votes answered `accepted` twice for one voter, seen by the clients. */
  acceptedTwice: number;
  /** SELECT option, count(*) over the ballots table. */
  perOption: Record<string, number>;
  /** tableside_read_tally: the Postgres engine's counter shards (also what snapshots read). */
  counters: Record<string, number>;
  /** The Redis tally hash, or null when it holds nothing for the poll. */
  redisTally: Record<string, number> | null;
  /** Sum of every way a vote could have been counted twice: must be 0. */
  doubleCounts: number;
};

export async function auditPoll(db: Db, redis: RedisClient | null, pollId: string, load: VoteLoad): Promise<Audit> {
  const ballots = await db.ballot.findMany({ where: { pollId }, select: { voterId: true, optionIds: true } });
  const byVoter = new Map(ballots.map((b) => [b.voterId, b.optionIds]));
  const perOptionRows = await db.$queryRaw<{ option: string; count: bigint }[]>`
    SELECT option, count(*) AS count FROM "Ballot", unnest("optionIds") AS option WHERE "pollId" = ${pollId} GROUP BY option`;
  const [{ twice }] = await db.$queryRaw<{ twice: bigint }[]>`
    SELECT count(*) AS twice FROM (SELECT "voterId" FROM "Ballot" WHERE "pollId" = ${pollId} GROUP BY 1 HAVING count(*) > 1) t`;
  const [{ tally }] = await db.$queryRaw<{ tally: Record<string, number> }[]>`SELECT tableside_read_tally(${pollId}) AS tally`;

  const perOption = Object.fromEntries(perOptionRows.map((r) => [r.option, Number(r.count)]));
  // The count of changed ballots (a changeable poll's) is no option's count: these audits compare per option.
  const counters = Object.fromEntries(
    Object.entries(tally).filter(([field]) => field !== CHANGES_FIELD).map(([option, n]) => [option === "" ? "total" : option, n]),
  );
  let redisTally: Record<string, number> | null = null;
  let redisVoters = 0;
  if (redis) {
    redisVoters = await redis.scard(pollKeys(pollId).voters);
    const hash = await redis.hgetall(pollKeys(pollId).tally);
    if (Object.keys(hash).length > 0) {
      redisTally = Object.fromEntries(
        Object.entries(hash).filter(([k]) => k !== CHANGES_FIELD).map(([k, v]) => [k === TOTAL_FIELD ? "total" : k, Number(v)]),
      );
    }
  }

  let acceptedMissing = 0;
  let acceptedWrongOption = 0;
  for (const [voterId, optionId] of load.accepted) {
    const options = byVoter.get(voterId);
    if (!options) acceptedMissing++;
    else if (options.join(",") !== optionId) acceptedWrongOption++;
  }
  const unansweredInPostgres: Record<string, number> = {};
  for (const voterId of byVoter.keys()) {
    if (load.accepted.has(voterId)) continue;
    const answer = load.firstAnswers.get(voterId) ?? "unknown";
    unansweredInPostgres[answer] = (unansweredInPostgres[answer] ?? 0) + 1;
  }
  // A tally counts someone twice when its total exceeds the voters it has: ballots for the counters, the voter
  // set for Redis. (A total short of Postgres is a lost ballot, reported as acceptedMissing or by the comparisons.)
  const excess = (total: number | undefined, voters: number) => Math.max(0, (total ?? 0) - voters);
  return {
    accepted: load.accepted.size,
    inPostgres: ballots.length,
    acceptedMissing,
    acceptedWrongOption,
    unansweredInPostgres,
    votersWithTwoBallots: Number(twice),
    acceptedTwice: load.acceptedTwice.size,
    perOption,
    counters,
    redisTally,
    doubleCounts: Number(twice) + load.acceptedTwice.size + excess(counters.total, ballots.length) + excess(redisTally?.total, redisVoters),
  };
}

/** One line of figures for the issue note. */
export function printFigures(scenario: string, audit: Audit, load: VoteLoad, extra: Record<string, unknown> = {}): void {
  const fields = {
    accepted: audit.accepted,
    inPostgres: audit.inPostgres,
    acceptedMissing: audit.acceptedMissing,
    doubleCounts: audit.doubleCounts,
    redisTotal: audit.redisTally?.total ?? null,
    counterTotal: audit.counters.total ?? 0,
    alreadyVoted: load.alreadyVoted,
    errors: load.errors,
    unansweredInPostgres: JSON.stringify(audit.unansweredInPostgres),
    ...extra,
  };
  console.log(`[durability] ${scenario}: ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(" ")}`);
}

/** Polls `read` until `done` holds or the deadline passes; returns the last value (the test asserts on it). */
export async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * What every fault test holds the product to once the dust settles: no vote answered `accepted` is lost or moved to
 * another option, none is counted twice, and the Redis tally and the counters both equal a recount of the ballots.
 */
export function expectExactAudit(audit: Audit): void {
  expect(audit.acceptedMissing).toBe(0);
  expect(audit.acceptedWrongOption).toBe(0);
  expect(audit.doubleCounts).toBe(0);
  const { total: redisTotal, ...redisPerOption } = audit.redisTally ?? {};
  expect(redisTotal).toBe(audit.inPostgres);
  expect(redisPerOption).toEqual(audit.perOption);
  expect(audit.counters.total).toBe(audit.inPostgres);
}
