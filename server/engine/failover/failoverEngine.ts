import type { PollResults } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import type { Log } from "../../infra/log";
import { EngineMovedError, type PostgresVoteEngine } from "../postgres/postgresEngine";
import { isPostgresOutage } from "../../infra/db/postgresOutage";
import type { RedisVoteEngine } from "../redis/redisEngine";
import { RedisHealth, type RedisHealthOptions } from "../redis/redisHealth";
import type { ScriptedRedis } from "../redis/scripts";
import { type CastVoteOutcome, type CastVoteRequest, type EnginePoll, EngineUnavailableError, type PollSchedule, type VoteEngine } from "../types";
import { type EngineMode, EngineModeStore } from "./engineMode";
import { invalidateRedisPolls } from "./invalidateRedisPolls";
import { isRedisOutage } from "./redisOutage";

export type FailoverOptions = {
  /** How often the shared engine state is read (and, on Postgres, whether Redis is healthy again is looked at). */
  checkIntervalMs?: number;
  /**
   * Redis's health from real round trips (redis/redisHealth.ts): votes leave Redis when it goes down and come back
   * only once it is healthy again. Default: a probe of the engine's own connection, started and stopped here.
   */
  health?: RedisHealth;
  /** For the default probe: its timings (a test shortens the sustained window). */
  healthOptions?: RedisHealthOptions;
  onSwitch?: (to: EngineMode) => void;
};

/** Neither store can take the vote now (Redis down and Postgres away): nothing was counted that a retry would repeat. */
export class StoresUnavailableError extends EngineUnavailableError {
  constructor(cause: unknown) {
    super("votes cannot be taken for a moment: try again shortly", 2_000);
    this.name = "StoresUnavailableError";
    this.cause = cause;
  }
}

/**
 * The circuit breaker between the two engines (docs/adr/0005-redis-failover.md). Votes go to Redis while it
 * answers; the first outage error moves every process to the fenced Postgres engine (through the shared state in
 * Postgres) and the vote is cast there. While on Postgres, Redis is probed; after a few good probes one process
 * drops Redis's poll state and moves everyone back, under the engine fence, and each poll is rebuilt from the
 * ballots table by its first vote.
 */
export class FailoverVoteEngine implements VoteEngine {
  private mode: EngineMode = "redis";
  private switching: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly store: EngineModeStore;
  private readonly health: RedisHealth;
  private readonly ownsHealth: boolean;
  private readonly options: { checkIntervalMs: number; onSwitch?: (to: EngineMode) => void };

  constructor(
    private readonly redisEngine: RedisVoteEngine,
    private readonly postgresEngine: PostgresVoteEngine,
    private readonly redis: ScriptedRedis,
    private readonly db: Db,
    private readonly log: Log,
    options: FailoverOptions = {},
  ) {
    this.store = new EngineModeStore(db);
    this.options = { checkIntervalMs: options.checkIntervalMs ?? 1_000, onSwitch: options.onSwitch };
    this.ownsHealth = !options.health;
    this.health = options.health ?? new RedisHealth(redis, options.healthOptions);
    // A hang is seen by the probe before any vote's command times out: votes leave Redis at once.
    this.health.onChange((state) => {
      if (state === "down") void this.redisFailed(new Error("Redis does not answer within its deadline")).catch(() => {});
    });
  }

  /** Follows the shared state at once (a process may start during an outage), then keeps checking. */
  async start(): Promise<this> {
    if (this.ownsHealth) this.health.start();
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs);
    this.timer.unref();
    return this;
  }

  get name(): EngineMode {
    return this.mode;
  }

  async castVote(request: CastVoteRequest): Promise<CastVoteOutcome> {
    try {
      return await this.castOnEither(request);
    } catch (error) {
      // Redis away and Postgres too (or Postgres away while the engine state must be read): a typed refusal.
      if (!(error instanceof EngineUnavailableError) && isPostgresOutage(error)) throw new StoresUnavailableError(error);
      throw error;
    }
  }

  private async castOnEither(request: CastVoteRequest): Promise<CastVoteOutcome> {
    let redisMayHaveCounted = false;
    for (let attempt = 1; ; attempt++) {
      await this.switching;
      if (this.mode === "redis" && !this.health.healthy) await this.redisFailed(new Error("Redis is down (health probe)"));
      if (this.mode === "redis") {
        try {
          return await this.redisEngine.castVote(request);
        } catch (error) {
          // The script may have run before the reply was lost; casting again on Postgres with the same request
          // (same time, options and coupon code) makes both copies the same ballot (see tableside_record_ballots).
          if (!isRedisOutage(error) || attempt > 3) throw error;
          redisMayHaveCounted = true;
          this.health.reportOutage();
          await this.redisFailed(error);
          continue;
        }
      }
      try {
        const outcome = await this.postgresEngine.castVote(request);
        if (outcome.status === "already_voted" && redisMayHaveCounted && (await this.isThisBallot(request))) {
          // Redis counted this very vote before its reply was lost, and a flusher brought its stream entry to
          // Postgres first: the ballot there is this one (same options, same instant), not an earlier vote.
          return { ...outcome, status: "accepted" };
        }
        return outcome;
      } catch (error) {
        if (!(error instanceof EngineMovedError) || attempt > 3) throw error;
        await this.follow();
      }
    }
  }

  async readResults(poll: EnginePoll): Promise<PollResults> {
    return this.read((engine) => engine.readResults(poll));
  }

  async hasVoted(poll: EnginePoll, voterId: string): Promise<boolean> {
    return this.read((engine) => engine.hasVoted(poll, voterId));
  }

  async pollScheduleChanged(pollId: string, schedule: PollSchedule): Promise<void> {
    // On Postgres the Poll row is the engine's view; Redis's copy is dropped before votes move back.
    if (this.mode === "postgres") return;
    await this.redisEngine.pollScheduleChanged(pollId, schedule).catch((error) => this.redisCallFailed(error));
  }

  async pollDeleted(pollId: string): Promise<void> {
    if (this.mode === "postgres") return;
    await this.redisEngine.pollDeleted(pollId).catch((error) => this.redisCallFailed(error));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.ownsHealth) this.health.stop();
    await this.switching?.catch(() => {});
    await this.redisEngine.close().catch(() => this.redis.disconnect());
    await this.postgresEngine.close();
  }

  private async read<T>(reader: (engine: VoteEngine) => Promise<T>): Promise<T> {
    await this.switching?.catch(() => {});
    if (this.mode === "redis") {
      try {
        return await reader(this.redisEngine);
      } catch (error) {
        if (!isRedisOutage(error)) throw error;
        this.health.reportOutage();
        void this.redisFailed(error).catch(() => {});
      }
    }
    return reader(this.postgresEngine); // exact: every accepted ballot is in Postgres with its counters
  }

  private redisCallFailed(error: unknown): void {
    if (!isRedisOutage(error)) throw error;
    this.health.reportOutage();
    void this.redisFailed(error).catch(() => {});
  }

  private redisFailed(error: unknown): Promise<void> {
    if (this.mode === "postgres") return Promise.resolve();
    return this.runSwitch(async () => {
      if (this.mode === "postgres") return;
      // With Postgres away too this throws, votes are refused as unavailable, and the next one tries again.
      const moved = await this.store.moveToPostgres();
      this.setMode("postgres");
      this.log.warn("Redis unreachable: votes move to Postgres", { err: error });
      // The one process that moves the state rebuilds the counters from the ballots table: they are kept exact
      // with every ballot anyway, so this is a safety net, and votes need not wait for it (other processes vote
      // on Postgres as soon as they follow the state). Each poll's rebuild takes the poll's lock, which a vote
      // takes shared, so a vote lands before or after a rebuild, never inside it.
      if (moved) void this.recomputeOpenPolls().catch((err) => this.log.warn("counters not rebuilt after the move to Postgres", { err }));
    });
  }

  /** Reads the shared state and follows it; on Postgres, probes Redis and moves back once it is healthy. */
  private async check(): Promise<void> {
    if (this.switching) return;
    try {
      await this.follow();
      if (this.mode === "postgres") await this.probeForFailback();
    } catch (error) {
      this.log.warn("engine check failed", { err: error });
    }
  }

  private async follow(): Promise<void> {
    const wanted = await this.store.read();
    if (wanted === this.mode) return;
    if (wanted === "postgres") return this.runSwitch(async () => this.setMode("postgres"));
    // Another process moved back to Redis. One whose own probe is answered (healthy, or recovering: its sustained
    // window may simply end a little later) follows; one whose probe misses cannot reach it, and sends everyone
    // back to Postgres.
    if (this.health.current !== "down") return this.runSwitch(async () => this.setMode("redis"));
    await this.redisFailed(new Error("Redis unreachable from this process"));
  }

  private async probeForFailback(): Promise<void> {
    if (!this.health.healthy || !this.health.sustained) return;
    await this.runSwitch(async () => {
      if (await this.store.moveToRedis(async () => void (await invalidateRedisPolls(this.redis)))) {
        this.log.info("Redis healthy again: votes move back to Redis; polls rebuild from the ballots table");
        await this.recomputeOpenPolls();
      }
      this.setMode("redis");
    });
  }

  private runSwitch(change: () => Promise<void>): Promise<void> {
    this.switching ??= change().finally(() => (this.switching = null));
    return this.switching;
  }

  private setMode(mode: EngineMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.options.onSwitch?.(mode);
  }

  /** Whether the voter's ballot in Postgres is the one this request would cast (see tableside_record_ballots' "same"). */
  private async isThisBallot({ poll, voterId, optionIds, now }: CastVoteRequest): Promise<boolean> {
    // Compared in SQL, as tableside_record_ballots compares: castAt is a timestamp in the session's time zone.
    const [{ same }] = await this.db.$queryRaw<{ same: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM "Ballot"
        WHERE "pollId" = ${poll.id} AND "voterId" = ${voterId} AND "optionIds" = ${optionIds as string[]}::text[]
          AND abs(extract(epoch FROM "castAt" - ${now}::timestamptz::timestamp)) < 0.002
      ) AS same`;
    return same;
  }

  private async recomputeOpenPolls(): Promise<void> {
    const polls = await this.db.poll.findMany({ where: { status: "open" }, select: { id: true } });
    for (const { id } of polls) await this.db.$executeRaw`SELECT tableside_recompute_tally(${id})`;
  }
}
