import { ballotOfEntry, entryTimeMs, type StreamEntry } from "../ballotStream";
import { pollKeys } from "../keys";
import { pipelinePerPoll } from "../pipelinePerPoll";
import type { RedisClient } from "../../../infra/redis/redisClient";
import { staleAfterRecord } from "../staleAfterRecord";
import type { AcceptedBallot } from "../../types";
import type { Db } from "../../../infra/db/prisma";
import { recordBallots } from "../../postgres/recordBallots";

const GROUP = "flusher";

export type FlusherOptions = {
  /** This process's consumer name in the group: unique per process. */
  consumer: string;
  batchSize?: number;
  /** Pause after a cycle that found nothing; it doubles while cycles keep finding nothing, up to maxIdleDelayMs. */
  idleDelayMs?: number;
  maxIdleDelayMs?: number;
  /** Entries left pending this long by any consumer (a crashed process) are claimed again. */
  claimIdleMs?: number;
  onError: (error: unknown) => void;
  /** Told how many entries each cycle recorded (the engine wing's observer counts them). */
  onFlushed?: (count: number) => void;
};

type Delivered = { pollId: string; id: string; ballot: AcceptedBallot | null };

/**
 * Moves each live poll's ballot stream into Postgres through the consumer group `flusher`: read new entries,
 * record them (ballots, coupons, counters) in one transaction, then acknowledge and delete them. Entries another
 * process left pending for claimIdleMs are claimed; replays insert nothing twice. Any number of processes run
 * one each: the group hands every entry to one of them.
 *
 * With votes acknowledged after Postgres (durableAccept.ts) the vote path deletes its own entries, so what is left
 * here is what a process left behind by dying between Redis and Postgres.
 */
export class StreamFlusher {
  flushed = 0;
  private lastLagMs = 0;
  /** Append time of the oldest entry read but not yet recorded: set while a batch is being written, or failing. */
  private oldestUnrecordedMs: number | null = null;
  private polls: string[] = [];
  private pollsReadAt = 0;
  private lastClaimAt = 0;
  private retryOwnPending = false;
  private loop: Promise<void> | null = null;
  private wake: () => void = () => {};
  private running = false;
  private readonly options: Required<Omit<FlusherOptions, "onFlushed">> & Pick<FlusherOptions, "onFlushed">;

  constructor(
    private readonly redis: RedisClient,
    private readonly db: Db,
    options: FlusherOptions,
  ) {
    this.options = { batchSize: 500, idleDelayMs: 100, maxIdleDelayMs: 2_000, claimIdleMs: 10_000, ...options };
  }

  /**
   * How far Postgres trails the streams, in ms: the age of the oldest entry of the last recorded batch (0 when the
   * streams were empty), or, while a batch is being written or keeps failing, the age of its oldest entry now, so
   * a stuck flusher shows a growing lag rather than its last good figure.
   */
  get lagMs(): number {
    return this.oldestUnrecordedMs === null ? this.lastLagMs : Math.max(this.lastLagMs, Date.now() - this.oldestUnrecordedMs);
  }

  start(): void {
    this.running = true;
    this.loop ??= this.run();
  }

  /** Stops the loop, then flushes until the streams hold nothing for this process, or the deadline passes. */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
    this.pollsReadAt = 0;
    this.retryOwnPending = true;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if ((await this.cycle()) === 0) return;
      } catch (error) {
        this.options.onError(error);
        await sleep(200);
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** One pass over every live poll's stream; returns the number of entries handled. */
  async cycle(): Promise<number> {
    const polls = await this.livePolls();
    const delivered = polls.length === 0 ? [] : await this.read(polls);
    if (delivered.length === 0) {
      this.lastLagMs = 0;
      return 0;
    }
    const oldest = Math.min(...delivered.map((d) => entryTimeMs(d.id)));
    this.oldestUnrecordedMs = Math.min(this.oldestUnrecordedMs ?? oldest, oldest);
    const ballots = delivered.flatMap((d) => d.ballot ?? []);
    const recorded = await recordBallots(this.db, ballots);
    const stalePolls = new Set(ballots.filter((b, i) => staleAfterRecord(b, recorded[i])).map((b) => b.pollId));
    const done = groupIds(delivered);
    await pipelinePerPoll(this.redis, [...done.keys()], (pipeline, pollId) => {
      if (stalePolls.has(pollId)) pipeline.hdel(pollKeys(pollId).meta, "ready"); // rebuilt from Postgres by its next vote
      pipeline.xack(pollKeys(pollId).ballots, GROUP, ...done.get(pollId)!);
      pipeline.xdel(pollKeys(pollId).ballots, ...done.get(pollId)!);
    });
    this.lastLagMs = Date.now() - oldest;
    this.oldestUnrecordedMs = null;
    this.flushed += delivered.length;
    this.options.onFlushed?.(delivered.length);
    return delivered.length;
  }

  /**
   * Each idle cycle costs one XREADGROUP per live poll, and with answers after the Postgres commit the streams are
   * nearly always empty (docs/adr/0006 has the measured cost). So the pause grows while nothing is found and snaps
   * back at the first entry.
   */
  private async run(): Promise<void> {
    let idleDelay = this.options.idleDelayMs;
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.cycle();
      } catch (error) {
        this.retryOwnPending = true; // what this process was given stays pending for it: read it again
        this.options.onError(error);
        await this.pause(1_000);
      }
      if (handled > 0) idleDelay = this.options.idleDelayMs;
      else if (this.running) {
        await this.pause(idleDelay);
        idleDelay = Math.min(idleDelay * 2, this.options.maxIdleDelayMs);
      }
    }
  }

  /** A sleep that stop() and drain() cut short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * New entries of each poll, plus entries left pending too long (by a crashed process, or by us after a failure).
   * A poll without the group yet (new, or Redis restarted empty) gets it and is read again at once: a cycle that
   * only created groups must not look like empty streams (a drain would stop there, leaving the ballots behind).
   */
  private async read(polls: readonly string[], groupsJustCreated = false): Promise<Delivered[]> {
    const { consumer, batchSize, claimIdleMs } = this.options;
    const claim = Date.now() - this.lastClaimAt > claimIdleMs / 2;
    if (claim) this.lastClaimAt = Date.now();
    const ownPending = this.retryOwnPending;
    this.retryOwnPending = false;

    const replies = await pipelinePerPoll(this.redis, polls, (pipeline, pollId) => {
      const key = pollKeys(pollId).ballots;
      if (claim) pipeline.xautoclaim(key, GROUP, consumer, claimIdleMs, "0-0", "COUNT", batchSize);
      if (ownPending) pipeline.xreadgroup("GROUP", GROUP, consumer, "COUNT", batchSize, "STREAMS", key, "0");
      pipeline.xreadgroup("GROUP", GROUP, consumer, "COUNT", batchSize, "STREAMS", key, ">");
    });

    const delivered = new Map<string, Delivered>();
    const missingGroups: string[] = [];
    const ownPendingReply = ownPending ? (claim ? 1 : 0) : -1;
    polls.forEach((pollId, p) => {
      replies[p].forEach(([error, reply], r) => {
        if (error) {
          if (/NOGROUP/.test(String(error))) missingGroups.push(pollId);
          else throw error;
          return;
        }
        // A backlog left pending for this process (Postgres was away, docs/adr/0016) is read batch by batch
        // until none is left, not once per failure.
        if (r === ownPendingReply && entriesOf(reply).length > 0) this.retryOwnPending = true;
        for (const entry of entriesOf(reply)) delivered.set(`${pollId}/${entry[0]}`, { pollId, id: entry[0], ballot: ballotOfEntry(pollId, entry) });
      });
    });
    const missing = [...new Set(missingGroups)];
    if (missing.length === 0 || groupsJustCreated) return [...delivered.values()];
    await this.createGroups(missing);
    return [...delivered.values(), ...(await this.read(missing, true))];
  }

  /** A new poll, or a Redis that restarted empty: the group starts at the stream's beginning. */
  private async createGroups(pollIds: readonly string[]): Promise<void> {
    for (const pollId of pollIds) {
      await this.redis.xgroup("CREATE", pollKeys(pollId).ballots, GROUP, "0", "MKSTREAM").catch((error: unknown) => {
        if (!/BUSYGROUP/.test(String(error))) throw error;
      });
    }
  }

  /** Open polls, and polls closed in the last hour (their streams may still hold the last ballots). */
  private async livePolls(): Promise<string[]> {
    if (Date.now() - this.pollsReadAt < 2_000) return this.polls;
    const rows = await this.db.poll.findMany({
      where: { OR: [{ status: "open" }, { status: "closed", closedAt: { gt: new Date(Date.now() - 3_600_000) } }] },
      select: { id: true },
    });
    this.polls = rows.map((r) => r.id);
    this.pollsReadAt = Date.now();
    return this.polls;
  }
}

/** XREADGROUP replies [[key, entries]] (or null); XAUTOCLAIM replies [cursor, entries, deletedIds]. */
function entriesOf(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  if (typeof reply[0] === "string") return (reply[1] as StreamEntry[]) ?? [];
  return (reply as [string, StreamEntry[]][]).flatMap(([, entries]) => entries);
}

function groupIds(delivered: readonly Delivered[]): Map<string, string[]> {
  const byPoll = new Map<string, string[]>();
  for (const d of delivered) {
    const ids = byPoll.get(d.pollId) ?? [];
    ids.push(d.id);
    byPoll.set(d.pollId, ids);
  }
  return byPoll;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
