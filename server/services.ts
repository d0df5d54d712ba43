import "server-only";
import { readCloud } from "./domain/answers/answerStore";
import { pollResultsSource } from "./domain/answers/resultsSource";
import type { PollResultsSource } from "./domain/polls/visibility";
import { CouponTerms } from "./domain/coupons/couponTerms";
import { PollDefinitions, readPollWindow } from "./domain/polls/data";
import { readScreenLineup } from "./domain/screens/lineup";
import { Snapshotter } from "./domain/polls/snapshotter";
import { connectFailFast } from "./engine/redis/connection";
import { RedisHealth } from "./engine/redis/redisHealth";
import type { VoteEngine } from "./engine/types";
import { createPostgresVoting } from "./engine/voting/postgresVoting";
import { createRedisVoting } from "./engine/voting/redisVoting";
import type { Voting, VotingFactory } from "./engine/voting/voting";
import { ReadinessCheck } from "./http/readiness";
import { DatabaseStatus } from "./infra/db/databaseStatus";
import { createPrisma, type Db } from "./infra/db/prisma";
import type { Log } from "./infra/log";
import type { Mailer } from "./infra/mail";
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from "./limits/rateLimiter";
import { DEFAULT_LIMITS, type LimitRules } from "./limits/rules";
import { SignInDelays } from "./limits/signInDelays";
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from "./limits/socketLimits";
import { connectLiveChannel } from "./live/channels";
import { createLive, type Live } from "./live/live";
import { createMetricsRegistry, type MetricsRegistry } from "./metrics/registry";
import { createSocketLimitMetrics, type SocketLimitMetrics } from "./metrics/socketLimits";
import { VotingMetrics } from "./metrics/votingMetrics";
import { trustedProxies, type TrustedProxies } from "./trpc/clientIp";

/** Production configuration: what server/env.ts validated, and nothing a measurement alone needs. */
export type ServicesConfig = {
  databaseUrl: string;
  /** A session-capable route to the same database for LISTEN/NOTIFY when databaseUrl is a transaction-mode pooler. */
  directDatabaseUrl?: string;
  /** Prisma's pool per process (DATABASE_POOL_SIZE). */
  databasePoolSize?: number;
  /** null: no Redis, the Postgres-only engine serves. */
  redisUrl: string | null;
  /** ioredis auto-pipelining on the shared connection (commands of one tick in one write); on unless false (docs/adr/0031). */
  redisAutoPipelining?: boolean;
  sessionSecret: string;
  publicUrl?: string;
  /** Without PUBLIC_URL: this machine's address on the local network (infra/lanAddress.ts), for the links diners get. */
  lanUrl?: string | null;
  /** Sends password reset links; null without SMTP (the operator's `npm run reset-password` prints them). */
  mailer?: Mailer | null;
  log: Log;
  limits?: LimitRules;
  /** TRUST_PROXY: the proxies' addresses or CIDRs, comma-separated; none by default. */
  trustProxy?: string;
  socketLimits?: SocketLimits;
  /** VOTER_COOKIE_MAX_AGE_DAYS. */
  voterCookieMaxAgeDays?: number;
  /** /metrics needs `Authorization: Bearer <token>` (METRICS_TOKEN); without one, only loopback clients get it. */
  metricsToken?: string;
  /** The pages' build (Next's BUILD_ID): a restaurant TV reloads itself when it changes (docs/adr/0030). */
  buildId?: string;
};

/**
 * How a test or a benchmark builds a variant of the same process, through the wings' public factories (e.g.
 * `(parts) => createRedisVoting(parts, { ack: "redis" })`). Production passes nothing.
 */
export type ServicesVariant = {
  /** The engine wing; default: createRedisVoting with Redis, createPostgresVoting without. */
  voting?: VotingFactory;
};

/** Everything a request handler needs, built once per process. */
export type Services = {
  readonly db: Db;
  /** The served engine (shutdown gate and instrumentation around the counting engine). */
  readonly engine: VoteEngine;
  readonly polls: PollDefinitions;
  /** Won coupons' terms, cached per poll (the vote's answer names them). */
  readonly couponTerms: CouponTerms;
  /** A poll's results by its kind: the engine's tally, or an open poll's cloud. */
  readonly results: PollResultsSource;
  readonly live: Live;
  readonly limiter: RateLimiter;
  readonly limits: LimitRules;
  readonly trustProxy: TrustedProxies;
  readonly socketLimits: SocketLimits;
  /** Progressive delays of an account's sign-ins after failures (never a lockout). */
  readonly signInDelays: SignInDelays;
  readonly socketMetrics: SocketLimitMetrics;
  readonly voterCookieMaxAgeMs: number;
  readonly metricsToken?: string;
  readonly buildId: string;
  readonly sessionSecret: string;
  readonly publicUrl?: string;
  readonly lanUrl?: string | null;
  readonly mailer: Mailer | null;
  readonly log: Log;
  readonly metrics: MetricsRegistry;
  readonly readiness: ReadinessCheck;
  /** Whether Postgres answers, for pages that say when it is away. */
  readonly databaseStatus: DatabaseStatus;
  /** Graceful shutdown, step 1 (gracefulShutdown.ts): not ready, no new votes, everything committed, a last snapshot. */
  drain(): Promise<void>;
  close(): Promise<void>;
};

/*
 * The composition root: each wing assembles itself (engine/voting/, live/, metrics/); this is where they meet.
 * 1. Postgres, and Redis when configured: one fail-fast connection shared by the rate limiter and the engine.
 * 2. The engine wing, reporting to the metrics.
 * 3. Live updates, following the engine's current store; snapshots for the owner's chart; readiness.
 */
export async function createServices(config: ServicesConfig, variant: ServicesVariant = {}): Promise<Services> {
  const { log } = config;
  const onError = (what: string) => (error: unknown) => log.warn(what, { err: error });

  // 1.
  const db = createPrisma(config.databaseUrl, config.databasePoolSize);
  const fallbackLimiter = new MemoryRateLimiter();
  // Fail-fast (see FAIL_FAST): a Redis outage must reach the vote engine's circuit breaker, not queue requests.
  const redis = config.redisUrl ? await connectFailFast(config.redisUrl, onError("Redis connection lost"), { enableAutoPipelining: config.redisAutoPipelining ?? true }) : null;
  // Real round trips with a deadline (a hung Redis keeps its connections open): the engine, the limiter and
  // readiness all read this one probe.
  const redisHealth = redis ? new RedisHealth(redis).start() : null;
  const limiter = redis
    ? new RedisRateLimiter(redis, fallbackLimiter, onError("rate limiter fell back to memory"), () => redisHealth?.current !== "down")
    : fallbackLimiter;

  // 2.
  const metrics = createMetricsRegistry();
  const votingMetrics = new VotingMetrics(metrics);
  const buildVoting = variant.voting ?? (redis ? createRedisVoting : createPostgresVoting);
  const voting: Voting = await buildVoting({ db, databaseUrl: config.databaseUrl, redis, redisUrl: config.redisUrl, redisHealth, log, observer: votingMetrics });
  votingMetrics.watch(voting);
  const { engine } = voting;

  // 3.
  const channel = await connectLiveChannel({
    databaseUrl: config.directDatabaseUrl ?? config.databaseUrl,
    redis,
    redisUrl: config.redisUrl,
    onRedis: () => engine.name === "redis",
    onError,
  });
  const results = pollResultsSource(engine, db);
  const live = createLive(channel, results, {
    readWindow: (pollId) => readPollWindow(db, pollId),
    readLineup: (restaurantId) => readScreenLineup(db, restaurantId),
    readCloud: (pollId) => readCloud(db, pollId),
    onError: onError("live update failed"),
  });
  const snapshotter = new Snapshotter(db, { onError: onError("tally snapshot"), onWritten: (count) => votingMetrics.snapshotsWritten(count) });
  snapshotter.start();
  const redisUp = redisHealth ? async () => redisHealth.current !== "down" : null;
  const readiness = new ReadinessCheck(db, redisUp, () => engine.name);

  return {
    db,
    engine,
    polls: new PollDefinitions(db),
    couponTerms: new CouponTerms(db),
    results,
    live,
    limiter,
    limits: config.limits ?? DEFAULT_LIMITS,
    trustProxy: trustedProxies(config.trustProxy),
    socketLimits: config.socketLimits ?? DEFAULT_SOCKET_LIMITS,
    signInDelays: new SignInDelays(),
    socketMetrics: createSocketLimitMetrics(metrics, () => live.hub.viewerCount() + live.restaurants.viewerCount()),
    voterCookieMaxAgeMs: (config.voterCookieMaxAgeDays ?? 30) * 24 * 3600 * 1000,
    metricsToken: config.metricsToken,
    buildId: config.buildId ?? "development",
    sessionSecret: config.sessionSecret,
    publicUrl: config.publicUrl,
    lanUrl: config.lanUrl ?? null,
    mailer: config.mailer ?? null,
    log,
    metrics,
    readiness,
    databaseStatus: new DatabaseStatus(db),
    async drain() {
      readiness.stopping = true; // /api/ready answers 503 at once: the balancer stops sending votes here
      await voting.drain();
      await snapshotter.takeLast();
    },
    async close() {
      await live.close();
      await snapshotter.stop();
      redisHealth?.stop(); // first: a probe of a closing connection would read as an outage
      await voting.close();
      await db.$disconnect();
    },
  };
}
