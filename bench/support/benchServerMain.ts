/**
 * The server under test, as its own process: the real app server (tRPC over HTTP and WebSocket) built exactly as
 * test/support/apiServerMain.ts builds it, with three knobs for the benchmark:
 *   BENCH_ENGINE   redis | postgres | pessimistic (the seed's SELECT … FOR UPDATE method, as the naive peer)
 *   BENCH_PRECHECK on | off (off: no Bloom pre-check, every duplicate goes to the vote script)
 *   BENCH_ACK      postgres (production default: answer once Postgres has the ballot) | redis (answer at once)
 *   BENCH_LIMITS   unlimited (throughput runs drive thousands of votes/s from one address) | default (the flood)
 *   BENCH_ADAPTER  fast (production) | standalone (every request through tRPC's standalone adapter, as before ADR 0007)
 * Prints `listening <port>`; answers {type:"stats"} over IPC with its memory and CPU (after a GC when asked).
 */
import type { AddressInfo } from "node:net";
import { VoterBloomPrecheck } from "../../server/engine/redis/bloomPrecheck";
import { createAppServer } from "../../server/http/createServer";
import { createLog } from "../../server/infra/log";
import { DEFAULT_LIMITS, UNLIMITED } from "../../server/limits/rules";
import { createServices } from "../../server/services";
import { PessimisticLockEngine } from "./pessimisticLockEngine";
import { answerStats } from "./processStats";

/** A pre-check that never remembers anyone: the vote path without the Bloom filter. */
class NoPrecheck extends VoterBloomPrecheck {
  override mayHaveVoted(): boolean {
    return false;
  }
  override remember(): void {}
}

const engine = process.env.BENCH_ENGINE ?? "redis";
const services = await createServices({
  databaseUrl: process.env.DATABASE_URL!,
  redisUrl: engine === "redis" ? process.env.REDIS_URL! : null,
  sessionSecret: process.env.SESSION_SECRET!,
  log: createLog("warn"),
  precheck: process.env.BENCH_PRECHECK === "off" ? new NoPrecheck() : undefined,
  voteAck: process.env.BENCH_ACK === "redis" ? "redis" : "postgres",
  limits: process.env.BENCH_LIMITS === "default" ? DEFAULT_LIMITS : UNLIMITED,
  trustProxy: false,
});
if (engine === "pessimistic") services.engine = new PessimisticLockEngine(services.db);

const { server, wss } = createAppServer(services, undefined, { mutationFastPath: process.env.BENCH_ADAPTER !== "standalone" });
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`));
answerStats(() => ({ viewers: services.live.hub.viewerCount(), sockets: wss.clients.size }));

process.on("SIGTERM", () => {
  for (const socket of wss.clients) socket.terminate();
  server.closeAllConnections();
  server.close(() => void services.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
});
