import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { pgConfigFromUrl } from "./pgConfig";

export type Db = PrismaClient;

export function createPrisma(databaseUrl: string, poolSize = 20): Db {
  return new PrismaClient({ adapter: new PrismaPg(pgConfigFromUrl(databaseUrl, { max: poolSize })) });
}
