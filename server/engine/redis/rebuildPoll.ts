import { randomUUID } from "node:crypto";
import { pointsAt, rankBase } from "@/lib/pollKinds";
import { recordBallots } from "../postgres/recordBallots";
import type { Db } from "../../infra/db/prisma";
import { ballotOfEntry, type StreamEntry } from "./ballotStream";
import { CHANGES_FIELD } from "../tally";
import { pollKeys, TOTAL_FIELD } from "./keys";
import type { ScriptedRedis } from "./scripts";

const PAGE = 5_000;
const LOCK_MS = 60_000;

/**
 * Loads a poll's Redis state (voters, tally, coupon winners and stock, status) from Postgres, the durable record.
 * Runs when the vote script finds no ready meta: a poll seen for the first time, a Redis that lost its data, or
 * a poll invalidated after the Postgres engine took its votes. One process rebuilds while the others wait; votes
 * are refused by the script until the state is ready, so nothing is counted against a half-loaded poll.
 * Whatever the poll's ballot stream still holds is recorded in Postgres first: a ballot Redis accepted but
 * nobody flushed yet must be in what the rebuild loads, or its voter could vote again.
 * Returns false if another process holds the rebuild.
 */
export async function rebuildPoll(redis: ScriptedRedis, db: Db, pollId: string): Promise<boolean> {
  const keys = pollKeys(pollId);
  const token = randomUUID();
  if ((await redis.set(keys.rebuildLock, token, "PX", LOCK_MS, "NX")) !== "OK") return false;
  try {
    const poll = await db.poll.findUnique({
      where: { id: pollId },
      select: {
        status: true,
        opensAt: true,
        closesAt: true,
        scheduleVersion: true,
        kind: true,
        changeableUntilClose: true,
        _count: { select: { options: true } },
        promotion: { select: { quantity: true, validUntil: true } },
      },
    });
    if (!poll) return true;
    await drainStream(redis, db, pollId);
    await redis.del(keys.voters, keys.tally, keys.winners, keys.held);
    await loadBallots(redis, db, pollId, rankBase(poll.kind, poll._count.options), poll.changeableUntilClose);
    const winners = await db.coupon.findMany({ where: { pollId }, select: { voterId: true, code: true } });
    if (winners.length > 0) await redis.hset(keys.winners, Object.fromEntries(winners.map((w) => [w.voterId, w.code])));
    const promotion = poll.promotion;
    await redis.finishRebuild(
      keys.meta,
      String(poll.scheduleVersion),
      poll.status,
      String(poll.opensAt?.getTime() ?? 0),
      String(poll.closesAt?.getTime() ?? 0),
      promotion ? String(Math.max(0, promotion.quantity - winners.length)) : "",
      String(promotion?.validUntil.getTime() ?? 0),
    );
    return true;
  } finally {
    if ((await redis.get(keys.rebuildLock)) === token) await redis.del(keys.rebuildLock);
  }
}

/** Records every entry of the poll's ballot stream in Postgres (replays insert nothing twice). */
async function drainStream(redis: ScriptedRedis, db: Db, pollId: string): Promise<void> {
  const key = pollKeys(pollId).ballots;
  for (let start = "-"; ; ) {
    const entries = (await redis.xrange(key, start, "+", "COUNT", 1_000)) as StreamEntry[];
    const ballots = entries.flatMap((entry) => ballotOfEntry(pollId, entry) ?? []);
    await recordBallots(db, ballots);
    if (entries.length < 1_000) return;
    start = `(${entries[entries.length - 1][0]}`;
  }
}

/**
 * Streams the poll's ballots page by page into the voter set (and a changeable poll's held ballots) and sums the
 * tally as castVote.lua counts it (points, ballots, changes); returns the ballot count.
 */
async function loadBallots(redis: ScriptedRedis, db: Db, pollId: string, base: number, changeable: boolean): Promise<number> {
  const keys = pollKeys(pollId);
  const counts = new Map<string, number>();
  let total = 0;
  let changes = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const page = await db.ballot.findMany({
      where: { pollId, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, voterId: true, optionIds: true, revision: true, castAt: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (page.length === 0) break;
    await redis.sadd(keys.voters, ...page.map((b) => b.voterId));
    for (const ballot of page) {
      ballot.optionIds.forEach((optionId, i) => counts.set(optionId, (counts.get(optionId) ?? 0) + pointsAt(base, i + 1)));
      changes += ballot.revision - 1;
    }
    if (changeable) {
      const held = page.map((b) => [b.voterId, `${b.revision}|${b.castAt.getTime()}|${b.optionIds.join(",")}`]);
      await redis.hset(keys.held, Object.fromEntries(held));
    }
    total += page.length;
    cursor = page[page.length - 1].id;
  }
  counts.set(TOTAL_FIELD, total);
  if (changes > 0) counts.set(CHANGES_FIELD, changes);
  await redis.hset(keys.tally, Object.fromEntries(counts));
  return total;
}
