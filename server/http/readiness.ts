import type { Db } from "../infra/db/prisma";
import { shippedMigrations } from "../infra/migrate";

export type Readiness = {
  ready: boolean;
  postgres: "up" | "down";
  migrations: "applied" | "pending" | "unknown";
  redis: "up" | "down" | "not configured";
  engine: string;
  stopping: boolean;
};

const POSTGRES_PROBE_DEADLINE_MS = 1_000;

/**
 * What `/api/ready` reports. Ready means: the migrations this build ships are applied (checked once, at the first
 * probe Postgres answers), the process is not shutting down, and one of the stores can take votes: Postgres
 * answers, or Redis does (votes are then answered from Redis while Postgres is away, docs/adr/0016). Neither
 * store alone decides: while one is away the other carries the votes, and taking every server out of the
 * balancer would turn a degraded service into an outage. Postgres's probe has a deadline: a hung database reads
 * as down, not as a probe that never answers.
 */
export class ReadinessCheck {
  private migrationsApplied = false;

  constructor(
    private readonly db: Db,
    private readonly redisUp: (() => Promise<boolean>) | null,
    private readonly engine: () => string,
  ) {}

  stopping = false;

  async check(): Promise<Readiness> {
    const [postgres, migrations, redis] = await Promise.all([
      withDeadline(this.db.$queryRaw`SELECT 1`, POSTGRES_PROBE_DEADLINE_MS).then(() => "up" as const, () => "down" as const),
      this.checkMigrations(),
      this.redisUp ? this.redisUp().then((up) => (up ? ("up" as const) : ("down" as const))) : ("not configured" as const),
    ]);
    const ready = (postgres === "up" || redis === "up") && migrations === "applied" && !this.stopping;
    return { ready, postgres, migrations, redis, engine: this.engine(), stopping: this.stopping };
  }

  private async checkMigrations(): Promise<Readiness["migrations"]> {
    if (this.migrationsApplied) return "applied"; // once applied, they stay applied
    try {
      const shipped = await shippedMigrations();
      const rows = await withDeadline(this.db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`, POSTGRES_PROBE_DEADLINE_MS);
      const applied = new Set(rows.map((r) => r.migration_name));
      this.migrationsApplied = shipped.every((name) => applied.has(name));
      return this.migrationsApplied ? "applied" : "pending";
    } catch {
      return "unknown";
    }
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
