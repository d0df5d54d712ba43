// Prisma 6 with the JavaScript schema engine: it downloads nothing, so migrations run on a machine without
// internet access (see docs/adr/0003-prisma-6-js-engine.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { pgConfigFromUrl } from "./server/infra/db/pgConfig";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg(pgConfigFromUrl(process.env.DATABASE_URL ?? "postgres://localhost:5432/tableside")),
});
