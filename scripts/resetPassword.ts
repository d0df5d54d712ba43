// `npm run reset-password -- <email>`: prints a one-time link that sets a new password for that account, for a
// server that sends no e-mail (no SMTP_URL). Uses DATABASE_URL, or the zero-configuration embedded Postgres in
// DATA_DIR: the running server's, or started here for the moment if the server is stopped.
import { join, resolve } from "node:path";
import { createResetToken, RESET_LINK_MINUTES, resetLink } from "../server/domain/owners/passwordReset";
import { readEnv } from "../server/env";
import { createPrisma } from "../server/infra/db/prisma";
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres } from "../server/infra/embeddedPostgres";

const email = process.argv[2]?.trim().toLowerCase();
if (!email || !email.includes("@")) {
  console.error("usage: npm run reset-password -- owner@example.com");
  process.exit(2);
}

const env = readEnv();
const dataDir = join(resolve(env.DATA_DIR), "postgres");
const running = env.DATABASE_URL ? null : await runningEmbeddedPostgresUrl(dataDir);
const started = env.DATABASE_URL || running ? null : await startEmbeddedPostgres({ dataDir, persistent: true });
const databaseUrl = env.DATABASE_URL ?? running ?? started!.databaseUrl;
const db = createPrisma(databaseUrl, 1);
let exitCode = 0;
try {
  const owner = await db.owner.findUnique({ where: { email }, select: { id: true } });
  if (!owner) {
    console.error(`No account signs in with ${email}.`);
    exitCode = 1;
  } else {
    const token = await createResetToken(db, owner.id);
    const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    console.log(`One-time link to set a new password for ${email} (works once, within ${RESET_LINK_MINUTES} minutes):`);
    console.log(resetLink(base, token));
  }
} finally {
  await db.$disconnect();
  await started?.stop();
}
process.exit(exitCode);
