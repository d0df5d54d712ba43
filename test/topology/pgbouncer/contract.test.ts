import { promotionContract } from "../../contract/promotionContract";
import { voteEngineContract } from "../../contract/voteEngineContract";

// The contract suites, unchanged, with DATABASE_URL through PgBouncer in transaction mode and DIRECT_DATABASE_URL
// straight to Postgres (globalSetup.ts): on the Redis engine (its ballot ledger commits through the pooler) and
// on the Postgres engine (every vote a transaction through the pooler; live updates LISTEN on the direct URL).
voteEngineContract("redis");
promotionContract("redis");
voteEngineContract("postgres");
