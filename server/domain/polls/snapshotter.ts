import type { Db } from "../../infra/db/prisma";

export type SnapshotterOptions = {
  onError: (error: unknown) => void;
  /** Told how many snapshots each pass wrote (metrics count them). */
  onWritten?: (count: number) => void;
  /** The chart's step: one point per poll per step at most. */
  everyMs?: number;
};

/**
 * Takes the votes-over-time chart's points (TallySnapshot, read by history.ts) every `everyMs` for each open poll
 * whose total changed, and one at each close, from the tally Postgres holds (exact on either engine: every ballot
 * is recorded with its counters). Every process runs one; tableside_take_snapshots keeps one row per poll and instant.
 */
export class Snapshotter {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly everyMs: number;
  /** Snapshots this process wrote. */
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly options: SnapshotterOptions,
  ) {
    this.everyMs = options.everyMs ?? 5_000;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.take(), this.everyMs);
    this.timer.unref();
  }

  /** One pass on the step grid: a poll gets the point of the step `now` falls in, if it has none yet. */
  take(now = new Date()): Promise<number> {
    return this.takeOnGrid(now, this.everyMs);
  }

  /**
   * The shutdown's last point, at its own instant (a 1 ms step): on the 5 s grid a periodic point taken earlier in
   * the same step would stand in for it (one row per poll and instant) and miss the ballots of the drain.
   */
  takeLast(now = new Date()): Promise<number> {
    return this.takeOnGrid(now, 1);
  }

  private async takeOnGrid(now: Date, stepMs: number): Promise<number> {
    if (this.running) await this.running.catch(() => {});
    const taking = this.db.$queryRaw<{ written: number }[]>`
      SELECT tableside_take_snapshots(${now}::timestamptz, ${stepMs}::int) AS written`;
    this.running = taking;
    try {
      const [{ written }] = await taking;
      this.written += written;
      this.options.onWritten?.(written);
      return written;
    } catch (error) {
      this.options.onError(error);
      return 0;
    } finally {
      this.running = null;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }
}
