import "server-only";
import { z } from "zod";
import { parseRedisAddress } from "./infra/redis/redisAddress";
import { DEFAULT_SOCKET_LIMITS } from "./limits/socketLimits";
import { trustedProxies } from "./trpc/clientIp";

/**
 * All configuration, validated once at start: a wrong deployment fails at boot with a clear message, not at the
 * first request. Everything is optional: with nothing set, `npm start` runs an embedded Postgres and, when
 * `redis-server` is on PATH, a private Redis, both keeping their data in DATA_DIR.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * A direct connection (not through a transaction-mode pooler such as PgBouncer) for what needs a session of its
   * own: LISTEN/NOTIFY and `npm run migrate`. Default: DATABASE_URL.
   */
  DIRECT_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connections each process keeps to DATABASE_URL for queries (Prisma's pool). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(1000).default(20),
  /** One server, a Redis Cluster or a Sentinel-watched primary: the forms are in server/infra/redis/redisAddress.ts. */
  REDIS_URL: z.string().superRefine(isRedisAddress).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  DATA_DIR: z.string().default(".data"),
  /** Force one engine: `postgres` ignores Redis even when it is available. */
  VOTE_ENGINE: z.enum(["auto", "redis", "postgres"]).default("auto"),
  /** Behind reverse proxies: their addresses or CIDRs, comma-separated; only they may name the client in X-Forwarded-For. */
  TRUST_PROXY: z
    .string()
    .default("")
    .superRefine((list, ctx) => {
      try {
        trustedProxies(list);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** How long a diner's voter cookie is honoured after it was issued. */
  VOTER_COOKIE_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  /** /metrics only for `Authorization: Bearer <token>`; without a token, only for clients on this host. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Live channel bounds (server/limits/socketLimits.ts). */
  WS_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.socketsPerAddress),
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.subscriptionsPerSocket),
  WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.subscriptionsPerAddress),
  WS_MAX_SOCKETS_PER_VOTER: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.socketsPerVoter),
  WS_MAX_SUBSCRIPTIONS_PER_VOTER: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.subscriptionsPerVoter),
  WS_MAX_VOTER_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.voterSocketsPerAddress),
  WS_MAX_VOTER_SUBSCRIPTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.voterSubscriptionsPerAddress),
  WS_MAX_CALLS_PER_FRAME: z.coerce.number().int().min(1).default(DEFAULT_SOCKET_LIMITS.callsPerFrame),
  WS_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_SOCKET_LIMITS.frameBytes),
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(16 * 1024).default(DEFAULT_SOCKET_LIMITS.bufferedBytesPerSocket),
  /** Overrides of the rate limits in server/limits/rules.ts, as JSON. */
  RATE_LIMITS: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /**
   * On SIGTERM, how long /api/ready answers 503 while votes are still taken, before the process stops taking them:
   * long enough for a load balancer's health checks to take it out (HAProxy in compose.yaml: 2 checks 2 s apart).
   */
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where password reset e-mails go out, e.g. smtps://user:pass@mail.example.com. Without it: `npm run reset-password`. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of those e-mails, e.g. "Tableside <no-reply@example.com>". */
  MAIL_FROM: z.string().min(3).max(200).optional(),
}).refine((env) => !env.DIRECT_DATABASE_URL || env.DATABASE_URL, {
  message: "DIRECT_DATABASE_URL is the direct route to DATABASE_URL's database: set DATABASE_URL too",
  path: ["DIRECT_DATABASE_URL"],
}).refine((env) => env.NODE_ENV !== "production" || !env.DATABASE_URL || env.SESSION_SECRET, {
  // A generated secret lives in one machine's DATA_DIR: two processes sharing a database would each sign voter
  // cookies the other rejects, and one diner would count as two voters. Only the zero-configuration start may generate it.
  message: "SESSION_SECRET is required in production with a shared DATABASE_URL: every process must sign cookies with the same secret (e.g. `openssl rand -base64 32`)",
  path: ["SESSION_SECRET"],
}).refine((env) => !env.SMTP_URL || env.PUBLIC_URL, {
  // A reset link built from the request's Host header could point at anyone's site: the link's host is configured.
  message: "SMTP_URL needs PUBLIC_URL, the address reset links in e-mails point to",
  path: ["PUBLIC_URL"],
}).refine((env) => !env.SMTP_URL || env.MAIL_FROM, { message: "SMTP_URL needs MAIL_FROM, the sender of its e-mails", path: ["MAIL_FROM"] });

export type Env = z.infer<typeof envSchema>;

/** The live channel's bounds, as configured. */
export function socketLimitsOf(env: Env) {
  return {
    socketsPerAddress: env.WS_MAX_SOCKETS_PER_ADDRESS,
    subscriptionsPerSocket: env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
    subscriptionsPerAddress: env.WS_MAX_SUBSCRIPTIONS_PER_ADDRESS,
    socketsPerVoter: env.WS_MAX_SOCKETS_PER_VOTER,
    subscriptionsPerVoter: env.WS_MAX_SUBSCRIPTIONS_PER_VOTER,
    voterSocketsPerAddress: env.WS_MAX_VOTER_SOCKETS_PER_ADDRESS,
    voterSubscriptionsPerAddress: env.WS_MAX_VOTER_SUBSCRIPTIONS_PER_ADDRESS,
    callsPerFrame: env.WS_MAX_CALLS_PER_FRAME,
    frameBytes: env.WS_MAX_FRAME_BYTES,
    bufferedBytesPerSocket: env.WS_MAX_BUFFERED_BYTES,
  };
}

/** Every variable the server reads (a deployment file naming anything else sets nothing). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

function isRedisAddress(text: string, context: z.RefinementCtx): void {
  try {
    parseRedisAddress(text);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
  }
}
