// `npm run migrate`: applies this build's migrations to DIRECT_DATABASE_URL (or DATABASE_URL), once per release,
// before the new processes start (they refuse a database without them). The zero-configuration start, with no
// DATABASE_URL, migrates its embedded Postgres itself and needs no command.
import { readEnv } from "../server/env";
import { applyMigrations, pendingMigrations } from "../server/infra/migrate";

const env = readEnv();
const target = env.DIRECT_DATABASE_URL ?? env.DATABASE_URL;
if (!target) {
  console.log("No DATABASE_URL: the zero-configuration start migrates its embedded Postgres when it starts. Nothing to do.");
  process.exit(0);
}
const pending = await pendingMigrations(target);
if (pending.length === 0) {
  console.log("migrate: the database is up to date");
} else {
  await applyMigrations(target);
  console.log(`migrate: applied ${pending.length} migration(s): ${pending.join(", ")}`);
}
