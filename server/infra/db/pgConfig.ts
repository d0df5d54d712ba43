import type { PoolConfig } from "pg";

/**
 * Splits a connection URL into the separate fields that `pg` and `PrismaPg` take.
 * PrismaPg builds its migration shadow database by spreading this config with another `database`; a
 * `connectionString` would silently override that and point the shadow at the real database.
 */
export function pgConfigFromUrl(databaseUrl: string, extra: PoolConfig = {}): PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname) || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    ...extra,
  };
}
