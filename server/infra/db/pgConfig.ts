import { parse, toClientConfig } from "pg-connection-string";
import type { PoolConfig } from "pg";

/**
 * Reads a connection URL the way libpq does (`sslmode`, `sslrootcert`, `sslcert`/`sslkey`, a socket directory in
 * `?host=`, `options`, `application_name`), through pg's own parser, into the separate fields `pg` and `PrismaPg` take.
 * Separate fields matter: PrismaPg builds its migration shadow database by spreading this config with another
 * `database`, which a `connectionString` would silently override (the shadow would become the real database).
 * libpq semantics: `sslmode=require` encrypts without verifying the certificate, `verify-full` verifies it.
 */
export function pgConfigFromUrl(databaseUrl: string, extra: PoolConfig = {}): PoolConfig {
  const { sslmode: _sslmode, ...config } = toClientConfig(parse(databaseUrl, { useLibpqCompat: true })) as PoolConfig & { sslmode?: string };
  return { ...config, host: config.host || "localhost", user: config.user || undefined, password: config.password || undefined, ...extra };
}
