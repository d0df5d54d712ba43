import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { pgConfigFromUrl } from "./pgConfig";

export type Db = PrismaClient;

/**
 * Deadlines on every connection and statement: a hung Postgres (SIGSTOP, a black-holed path) keeps its sockets
 * open, and without them a request would wait for it forever (docs/adr/0016). pg destroys a connection whose
 * statement timed out. Generous next to any statement this product runs.
 */
export const DEADLINES = { connectionTimeoutMillis: 5_000, query_timeout: 15_000 } as const;

export function createPrisma(databaseUrl: string, poolSize = 20): Db {
  return new PrismaClient({ adapter: new PrismaPg(pgConfigFromUrl(databaseUrl, { max: poolSize, ...DEADLINES })) });
}
