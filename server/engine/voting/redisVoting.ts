import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import { pgConfigFromUrl } from "../../infra/db/pgConfig";
import { decorateEngine } from "../decorators/decorate";
import { FailoverVoteEngine } from "../failover/failoverEngine";
import { PostgresVoteEngine } from "../postgres/postgresEngine";
import type { VoterBloomPrecheck } from "../redis/bloomPrecheck";
import { connectFailFast } from "../redis/connection";
import { DurableAccept, LEDGER_CONNECTIONS, LEDGER_DEADLINES } from "../redis/ledger/durableAccept";
import { StreamFlusher } from "../redis/ledger/streamFlusher";
import { RedisVoteEngine } from "../redis/redisEngine";
import type { Voting, VotingParts } from "./voting";

/** Connections for votes on the Postgres engine during a Redis outage (each vote is its own short transaction). */
const FAILOVER_VOTE_CONNECTIONS = 8;

export type RedisVotingOptions = {
  /** The Bloom pre-check of the duplicate path (docs/adr/0002). Off unless given. */
  precheck?: VoterBloomPrecheck;
  /**
   * When a vote is answered: "postgres" (production, docs/adr/0004) once Postgres has the ballot; "redis" at once,
   * leaving Postgres to the stream flusher (how the benchmark and the crash tests measure what durability costs).
   */
  ack?: "postgres" | "redis";
};

/**
 * The Redis engine with everything that keeps its votes durable: the ballot ledger (group commit to Postgres
 * before the answer) on its own pg pool, the failover to the fenced Postgres engine, and the stream flusher that
 * records what a crashed process left in Redis.
 */
export async function createRedisVoting(parts: VotingParts, options: RedisVotingOptions = {}): Promise<Voting> {
  const { db, redis, redisUrl, databaseUrl, log, observer } = parts;
  if (!redis || !redisUrl) throw new Error("createRedisVoting needs a Redis connection");
  const onError = (what: string) => (error: unknown) => log.warn(what, { err: error });

  // The group commit gets its own small pg pool: off Prisma's query path, and never queued behind page reads.
  const ledgerPool = options.ack === "redis" ? null : new pg.Pool(pgConfigFromUrl(databaseUrl, { max: LEDGER_CONNECTIONS, ...LEDGER_DEADLINES }));
  ledgerPool?.on("error", onError("ballot ledger connection")); // an idle connection dropped: the pool replaces it
  const ledger = ledgerPool
    ? new DurableAccept(ledgerPool, redis, {
        onChange: (away, cause) =>
          away
            ? log.warn("Postgres away: votes are answered from Redis; their ballots wait in the streams", { err: cause })
            : log.info("Postgres back: votes wait for their commit again; the flusher records the streams' ballots"),
      })
    : null;
  // While Redis is down every vote is one statement on Postgres: through pg, off Prisma's costlier path.
  const failoverPool = new pg.Pool(pgConfigFromUrl(databaseUrl, { max: FAILOVER_VOTE_CONNECTIONS, connectionTimeoutMillis: 2_000, query_timeout: 5_000 }));
  failoverPool.on("error", onError("failover vote connection"));
  const failover = await new FailoverVoteEngine(
    new RedisVoteEngine(redis, db, options.precheck ?? null, ledger),
    new PostgresVoteEngine(db, failoverPool, true),
    redis,
    db,
    log,
    { onSwitch: (to) => observer.engineSwitched(to), health: parts.redisHealth ?? undefined },
  ).start();
  const engine = decorateEngine(failover, observer);

  const flusherRedis = await connectFailFast(redisUrl, onError("Redis flusher connection"));
  const flusher = new StreamFlusher(flusherRedis, db, {
    consumer: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    onError: onError("flusher"),
    onFlushed: (count) => observer.ballotsFlushed(count),
  });
  flusher.start();

  return {
    engine,
    flusherLagMs: () => flusher.lagMs,
    async drain() {
      await engine.stopTakingVotes();
      await ledger?.drained();
      await flusher.drain();
    },
    async close() {
      await flusher.stop();
      flusherRedis.disconnect();
      await ledger?.stop();
      await engine.close();
      await ledgerPool?.end();
      await failoverPool.end();
    },
  };
}
