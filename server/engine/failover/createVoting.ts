import { randomUUID } from "node:crypto";
import pg from "pg";
import { hostname } from "node:os";
import { DurableAccept, LEDGER_CONNECTIONS } from "../../flush/durableAccept";
import { Snapshotter } from "../../flush/snapshotter";
import { StreamFlusher } from "../../flush/streamFlusher";
import { pgConfigFromUrl } from "../../infra/db/pgConfig";
import type { Db } from "../../infra/db/prisma";
import type { Log } from "../../infra/log";
import { FailoverLiveChannel } from "../../live/failoverLiveChannel";
import type { LiveChannel } from "../../live/messages";
import { PostgresLiveChannel } from "../../live/postgresLiveChannel";
import { RedisLiveChannel } from "../../live/redisLiveChannel";
import { InstrumentedEngine } from "../../metrics/instrumentedEngine";
import { ReadinessCheck } from "../../metrics/readiness";
import { MetricsRegistry } from "../../metrics/registry";
import { PostgresVoteEngine } from "../postgres/postgresEngine";
import { VoterBloomPrecheck } from "../redis/bloomPrecheck";
import { connectFailFast } from "../redis/connection";
import { RedisVoteEngine } from "../redis/redisEngine";
import type { ScriptedRedis } from "../redis/scripts";
import { FailoverVoteEngine } from "./failoverEngine";
import { ShutdownGate } from "./shutdownGate";

/** The vote engine with everything that keeps its votes durable and observable, as one unit for Services. */
export type Voting = {
  engine: ShutdownGate;
  channel: LiveChannel;
  metrics: MetricsRegistry;
  readiness: ReadinessCheck;
  /** Graceful shutdown: refuse new votes, wait for those in flight, flush what the streams hold, snapshot. */
  drain(): Promise<void>;
  close(): Promise<void>;
};

export type RedisVotingConfig = {
  db: Db;
  databaseUrl: string;
  redisUrl: string;
  /** The shared fail-fast connection (connectFailFast) the engine votes on. */
  redis: ScriptedRedis;
  log: Log;
  precheck?: VoterBloomPrecheck;
  /** "postgres" (default): answer accepted once Postgres has the ballot. "redis": at once (measurements only). */
  voteAck?: "postgres" | "redis";
};

export async function createRedisVoting(config: RedisVotingConfig): Promise<Voting> {
  const { db, redis, log } = config;
  const onError = (what: string) => (error: unknown) => log.warn(what, { error: String(error) });
  const metrics = new MetricsRegistry();
  const switches = metrics.counter("tableside_engine_switches_total", "Moves of voting between engines, by target engine.");

  // The group commit gets its own small pg pool: off Prisma's query path, and never queued behind page reads.
  const ledgerPool = config.voteAck === "redis" ? null : new pg.Pool(pgConfigFromUrl(config.databaseUrl, { max: LEDGER_CONNECTIONS }));
  ledgerPool?.on("error", onError("ballot ledger connection")); // an idle connection dropped: the pool replaces it
  const ledger = ledgerPool ? new DurableAccept(ledgerPool, redis) : null;
  const failover = await new FailoverVoteEngine(
    new RedisVoteEngine(redis, db, config.precheck ?? new VoterBloomPrecheck(), ledger),
    new PostgresVoteEngine(db, true),
    redis,
    db,
    log,
    { onSwitch: (to) => switches.inc({ to }) },
  ).start();
  const engine = new ShutdownGate(new InstrumentedEngine(failover, metrics));

  const subscriber = await connectFailFast(config.redisUrl, onError("Redis subscriber connection"));
  const channel = new FailoverLiveChannel(
    new RedisLiveChannel(redis, subscriber),
    await PostgresLiveChannel.connect(pgConfigFromUrl(config.databaseUrl)),
    subscriber,
    () => failover.name === "redis",
  );

  const flusherRedis = await connectFailFast(config.redisUrl, onError("Redis flusher connection"));
  const flusher = new StreamFlusher(flusherRedis, db, {
    consumer: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    onError: onError("flusher"),
  });
  flusher.start();
  const snapshotter = new Snapshotter(db, onError("tally snapshot"));
  snapshotter.start();

  const readiness = new ReadinessCheck(db, () => redis.ping().then((r) => r === "PONG", () => false), () => failover.name);
  metrics.gauge("tableside_vote_engine", "1 for the engine taking votes in this process.", () =>
    (["redis", "postgres"] as const).map((name) => ({ labels: { engine: name }, value: failover.name === name ? 1 : 0 })));
  metrics.gauge("tableside_flusher_lag_seconds", "Age of the oldest ballot-stream entry in the flusher's last batch.", () => [
    { value: flusher.lagMs / 1000 },
  ]);
  metrics.gauge("tableside_flusher_entries_total", "Ballot-stream entries this process's flusher recorded.", () => [{ value: flusher.flushed }]);
  metrics.gauge("tableside_snapshots_written_total", "Tally snapshots this process wrote.", () => [{ value: snapshotter.written }]);

  return {
    engine,
    channel,
    metrics,
    readiness,
    async drain() {
      readiness.stopping = true;
      await engine.stopTakingVotes();
      await ledger?.drained();
      await flusher.drain();
      await snapshotter.take();
    },
    async close() {
      await flusher.stop();
      await snapshotter.stop();
      flusherRedis.disconnect();
      subscriber.disconnect();
      await engine.close();
      await ledgerPool?.end();
    },
  };
}

/** No Redis configured: the Postgres engine alone, with snapshots and metrics. */
export async function createPostgresVoting(config: { db: Db; databaseUrl: string; log: Log }): Promise<Voting> {
  const { db, log } = config;
  const metrics = new MetricsRegistry();
  const engine = new ShutdownGate(new InstrumentedEngine(new PostgresVoteEngine(db), metrics));
  const snapshotter = new Snapshotter(db, (error) => log.warn("tally snapshot", { error: String(error) }));
  snapshotter.start();
  metrics.gauge("tableside_vote_engine", "1 for the engine taking votes in this process.", () => [
    { labels: { engine: "redis" }, value: 0 },
    { labels: { engine: "postgres" }, value: 1 },
  ]);
  metrics.gauge("tableside_flusher_lag_seconds", "Age of the oldest ballot-stream entry in the flusher's last batch.", () => [{ value: 0 }]);
  metrics.gauge("tableside_snapshots_written_total", "Tally snapshots this process wrote.", () => [{ value: snapshotter.written }]);
  const readiness = new ReadinessCheck(db, null, () => "postgres");
  return {
    engine,
    channel: await PostgresLiveChannel.connect(pgConfigFromUrl(config.databaseUrl)),
    metrics,
    readiness,
    async drain() {
      readiness.stopping = true;
      await engine.stopTakingVotes();
      await snapshotter.take();
    },
    async close() {
      await snapshotter.stop();
      await engine.close();
    },
  };
}
