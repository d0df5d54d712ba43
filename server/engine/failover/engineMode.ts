import type { Db } from "../../infra/db/prisma";

export type EngineMode = "redis" | "postgres";

/**
 * The engine every server process should vote on, kept in Postgres (VoteEngineState), which stays reachable when
 * Redis does not. Moving to Postgres is a plain update; moving back holds the engine fence exclusively, so it
 * waits for Postgres-engine votes in flight and no later one can count (they see the new state and refuse).
 */
export class EngineModeStore {
  constructor(private readonly db: Db) {}

  async read(): Promise<EngineMode> {
    const row = await this.db.voteEngineState.findUnique({ where: { id: 1 }, select: { engine: true } });
    return row?.engine === "postgres" ? "postgres" : "redis";
  }

  /** True if this call made the move (so the caller does the one-time work), false if it had been made. */
  async moveToPostgres(): Promise<boolean> {
    const { count } = await this.db.voteEngineState.updateMany({
      where: { id: 1, engine: "redis" },
      data: { engine: "postgres", epoch: { increment: 1 }, changedAt: new Date() },
    });
    return count === 1;
  }

  /**
   * Runs `prepare` (drop Redis's stale poll state) with the fence held, then moves to Redis. If `prepare` throws,
   * nothing moves. True if this call made the move.
   */
  async moveToRedis(prepare: () => Promise<void>): Promise<boolean> {
    return this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('tableside:vote-engine', 0))`;
        const row = await tx.voteEngineState.findUnique({ where: { id: 1 }, select: { engine: true } });
        if (row?.engine !== "postgres") return false;
        await prepare();
        await tx.voteEngineState.update({
          where: { id: 1 },
          data: { engine: "redis", epoch: { increment: 1 }, changedAt: new Date() },
        });
        return true;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }
}
