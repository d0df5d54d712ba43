/**
 * The server under test, as its own process: the real app server (tRPC over HTTP and WebSocket) built exactly as
 * test/support/apiServerMain.ts builds it, with knobs for the benchmark, each a variant built through the wings'
 * public factories (createServices' variant, createRedisVoting/createPostgresVoting options, createTrpcHandlers):
 *   BENCH_ENGINE   redis | postgres | pessimistic (the seed's SELECT … FOR UPDATE method, as the naive peer)
 *   BENCH_PRECHECK on | off (on: the Bloom pre-check before the vote script; off, as in production: every
 *                  duplicate goes to the vote script)
 *   BENCH_ACK      postgres (production default: answer once Postgres has the ballot) | redis (answer at once)
 *   BENCH_LIMITS   unlimited (throughput runs drive thousands of votes/s from one address) | default (the flood)
 *   BENCH_ADAPTER  fast (production) | standalone (every request through tRPC's standalone adapter, as before ADR 0007)
 *   BENCH_FRAMES   shared (production: one frame per live update for every socket) | perSocket (each socket's
 *                  frame serialised on its own, as before ADR 0031)
 * Prints `listening <port>`; answers {type:"stats"} over IPC with its memory and CPU (after a GC when asked).
 */
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import { VoterBloomPrecheck } from "../../server/engine/redis/bloomPrecheck";
import { createPostgresVoting } from "../../server/engine/voting/postgresVoting";
import { createRedisVoting } from "../../server/engine/voting/redisVoting";
import type { VotingFactory } from "../../server/engine/voting/voting";
import { createAppServer, createTrpcHandlers } from "../../server/http/createServer";
import { createLog } from "../../server/infra/log";
import { DEFAULT_LIMITS, UNLIMITED } from "../../server/limits/rules";
import { DEFAULT_SOCKET_LIMITS, UNBOUNDED_SOCKETS } from "../../server/limits/socketLimits";
import { createServices } from "../../server/services";
import { PessimisticLockEngine } from "./pessimisticLockEngine";
import { answerStats } from "./processStats";

const engine = process.env.BENCH_ENGINE ?? "redis";
const voting: VotingFactory =
  engine === "redis"
    ? (parts) =>
        createRedisVoting(parts, {
          precheck: process.env.BENCH_PRECHECK === "off" ? undefined : new VoterBloomPrecheck(),
          ack: process.env.BENCH_ACK === "redis" ? "redis" : "postgres",
        })
    : engine === "pessimistic"
      ? (parts) => createPostgresVoting(parts, { engine: new PessimisticLockEngine(parts.db) })
      : createPostgresVoting;
const services = await createServices(
  {
    databaseUrl: process.env.DATABASE_URL!,
    redisUrl: engine === "redis" ? process.env.REDIS_URL! : null,
    redisAutoPipelining: process.env.BENCH_AUTOPIPELINING === "on",
    sessionSecret: process.env.SESSION_SECRET!,
    log: createLog("warn"),
    limits: process.env.BENCH_LIMITS === "default" ? DEFAULT_LIMITS : UNLIMITED,
    socketLimits: process.env.BENCH_SOCKETS === "default" ? DEFAULT_SOCKET_LIMITS : UNBOUNDED_SOCKETS,
  },
  { voting },
);

const trpc = createTrpcHandlers(services);
const variant = {
  ...trpc,
  ...(process.env.BENCH_ADAPTER === "standalone" ? { mutations: null } : {}),
  ...(process.env.BENCH_FRAMES === "perSocket" ? { liveFrames: "perSocket" as const } : {}),
};
const { server, wss } = createAppServer(services, undefined, variant);
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`));
answerStats(() => {
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [`${s.space_name}Committed`, s.physical_space_size]));
  return { viewers: services.live.hub.viewerCount(), sockets: wss.clients.size, ...spaces };
});

process.on("SIGTERM", () => {
  for (const socket of wss.clients) socket.terminate();
  server.closeAllConnections();
  server.close(() => void services.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
});
