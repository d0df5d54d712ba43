import type { Db } from "./prisma";

export type DatabaseState = "up" | "away";

const PROBE_DEADLINE_MS = 1_000;
const FRESH_MS = 2_000;

/**
 * Whether Postgres answers now, for pages that say so (owner pages and screens show that the database is away,
 * docs/adr/0016): one `SELECT 1` with a deadline, shared by every caller for a moment, so many open pages asking
 * cost one round trip.
 */
export class DatabaseStatus {
  private last: { state: DatabaseState; at: number } | null = null;
  private probing: Promise<DatabaseState> | null = null;

  constructor(private readonly db: Db) {}

  async read(): Promise<DatabaseState> {
    if (this.last && Date.now() - this.last.at < FRESH_MS) return this.last.state;
    this.probing ??= this.probe().finally(() => (this.probing = null));
    return this.probing;
  }

  private async probe(): Promise<DatabaseState> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no answer")), PROBE_DEADLINE_MS)));
    const state = await Promise.race([this.db.$queryRaw`SELECT 1`, deadline]).then(
      () => "up" as const,
      () => "away" as const,
    );
    clearTimeout(timer);
    this.last = { state, at: Date.now() };
    return state;
  }
}
