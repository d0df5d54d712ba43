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

/**
 * What `/api/ready` reports. Ready means: Postgres answers, every migration this build ships is applied, and the
 * process is not shutting down. Redis is reported but does not decide: while it is away the failover engine
 * votes on Postgres, and taking every server out of the balancer would turn a degraded service into an outage.
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
      this.db.$queryRaw`SELECT 1`.then(() => "up" as const, () => "down" as const),
      this.checkMigrations(),
      this.redisUp ? this.redisUp().then((up) => (up ? ("up" as const) : ("down" as const))) : ("not configured" as const),
    ]);
    const ready = postgres === "up" && migrations === "applied" && !this.stopping;
    return { ready, postgres, migrations, redis, engine: this.engine(), stopping: this.stopping };
  }

  private async checkMigrations(): Promise<Readiness["migrations"]> {
    if (this.migrationsApplied) return "applied"; // once applied, they stay applied
    try {
      const shipped = await shippedMigrations();
      const rows = await this.db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const applied = new Set(rows.map((r) => r.migration_name));
      this.migrationsApplied = shipped.every((name) => applied.has(name));
      return this.migrationsApplied ? "applied" : "pending";
    } catch {
      return "unknown";
    }
  }
}
