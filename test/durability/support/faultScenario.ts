import { appendFileSync } from "node:fs";
import { Browser } from "../../support/browser";
import { createOpenPoll, signUpOwner } from "../../support/fixtures";
import { type ServerProcess, startServerProcess } from "../../support/serverProcess";
import { type Audit, auditPoll, settle } from "./audit";
import type { PrivateStores } from "./privateStores";
import { engineOf } from "./servers";
import { VoteLoad } from "./voteLoad";

/** A real fault, done to the real processes, and its undoing. */
export type Fault = {
  name: string;
  inject(stores: PrivateStores): Promise<void>;
  heal(stores: PrivateStores): Promise<void>;
};

export const FAULTS = {
  redisHang: { name: "Redis SIGSTOP", inject: (s) => s.pauseRedis(), heal: (s) => s.resumeRedis() },
  postgresImmediateStop: { name: "Postgres pg_ctl stop -m immediate", inject: (s) => s.stopPostgresImmediately(), heal: (s) => s.startPostgres() },
  postgresHang: { name: "Postgres SIGSTOP", inject: (s) => s.pausePostgres(), heal: (s) => s.resumePostgres() },
  bothDown: {
    name: "Redis SIGSTOP + Postgres pg_ctl stop -m immediate",
    inject: async (s) => {
      await s.pauseRedis();
      await s.stopPostgresImmediately();
    },
    heal: async (s) => {
      await s.startPostgres();
      await s.resumeRedis();
    },
  },
} satisfies Record<string, Fault>;

/** Longer than Redis's sustained healthy window (3 s) and the engine check (1 s) together. */
const RECOVERY_MS = 6_000;

export type ScenarioOptions = {
  faultMs: number;
  /** Load before the fault: the rate it is measured against. */
  beforeMs?: number;
  /** Votes in flight at once. */
  concurrency?: number;
  /** Run while the fault holds (from 2.5 s in): what the test checks of the server during it. */
  duringFault?: (server: ServerProcess, owner: Browser) => Promise<void>;
  /** The server under test; default: the API server process (test/support/apiServerMain.ts). */
  startServer?: (env: Record<string, string>) => Promise<ServerProcess>;
};

export type ScenarioFigures = {
  scenario: string;
  /** Accepted votes per second before the fault. */
  rateBefore: number;
  /** Accepted votes in each second from the fault's start (index 0) until the load stopped. */
  perSecond: number[];
  /** The lowest second from 2 s after the fault's start to its end, as a share of rateBefore. */
  worstShareAfterDetection: number;
  serverErrors: number;
  internalErrors: number;
  /** Error answers by tRPC code. */
  errorCodes: Record<string, number>;
  /** The retry hint an error answer carried, if any did. */
  retryAfterMs: number | null;
  lost: number;
  double: number;
  /** Ballots in Postgres whose vote was answered with an error (told failed, counted): must be 0. */
  countedButToldFailed: number;
  talliesEqual: boolean;
  audit: Audit;
  serverLog: string[];
};

/**
 * One failure scenario under a steady vote load against a server process (the real API server on the scenario's
 * own Postgres and Redis): load, the fault for `faultMs`, healing, load until the votes are back on Redis, then an
 * audit of every answer against what Postgres and Redis hold. Prints one line of figures.
 */
export async function runFaultScenario(stores: PrivateStores, fault: Fault, options: ScenarioOptions): Promise<ScenarioFigures> {
  const { faultMs, beforeMs = 3_000, concurrency = 32 } = options;
  const startServer = options.startServer ?? ((env) => startServerProcess("redis", { env }));
  const server = await startServer({ DATABASE_URL: stores.databaseUrl, REDIS_URL: stores.redisUrl, LOG_LEVEL: "info" });
  const serverLog: string[] = [];
  server.child.stdout!.on("data", (chunk: Buffer) => {
    if (process.env.CHAOS_SERVER_LOG) appendFileSync(process.env.CHAOS_SERVER_LOG, chunk);
    for (const line of chunk.toString().split("\n")) {
      try {
        serverLog.push((JSON.parse(line) as { message: string }).message);
      } catch {
        // not a whole JSON line (the port announcement, or a line split across chunks)
      }
    }
  });
  const owner = new Browser(server.url);
  await signUpOwner(owner);
  const poll = await createOpenPoll(owner);
  const load = new VoteLoad({ urls: () => [server.url], pollId: poll.id, optionIds: poll.options.map((o) => o.id), concurrency, pauseMs: 0 }).start();
  try {
    await load.untilAccepted(100);
    await fetch(`${server.url}/api/ready`); // as a balancer would have, before anything breaks
    const loadStart = Date.now();
    await sleep(beforeMs);
    const faultAt = Date.now();
    const rateBefore = load.acceptedTimes.filter((t) => t >= loadStart && t < faultAt).length / ((faultAt - loadStart) / 1000);
    await fault.inject(stores);
    note(`fault injected: ${fault.name}`);
    if (options.duringFault) {
      await sleep(2_500 - (Date.now() - faultAt));
      await options.duringFault(server, owner);
    }
    await sleep(faultMs - (Date.now() - faultAt));
    await fault.heal(stores);
    note("fault healed");
    // Back on Redis (after its sustained healthy window, and a switch to Postgres first if the fault needed one),
    // with votes on the rebuilt poll: load for longer than that window before it stops.
    await sleep(RECOVERY_MS);
    await settle(() => engineOf(server), (engine) => engine === "redis", 30_000);
    await load.untilAccepted(200);
    await load.stop();
    const loadEnd = Date.now();

    const audit = await settle(
      () => auditPoll(stores.db, stores.redis, poll.id, load),
      (a) => a.acceptedMissing === 0 && a.redisTally?.total === a.inPostgres && a.counters.total === a.inPostgres,
      60_000,
    );
    const perSecond = Array.from({ length: Math.ceil((loadEnd - faultAt) / 1000) }, (_, s) =>
      load.acceptedTimes.filter((t) => t >= faultAt + s * 1000 && t < faultAt + (s + 1) * 1000).length,
    );
    const afterDetection = perSecond.slice(2, Math.floor(faultMs / 1000));
    const { total: redisTotal, ...redisPerOption } = audit.redisTally ?? {};
    const { total: counterTotal, ...counterPerOption } = audit.counters;
    const figures: ScenarioFigures = {
      scenario: `${fault.name} ${faultMs / 1000} s`,
      rateBefore: Math.round(rateBefore),
      perSecond,
      worstShareAfterDetection: afterDetection.length === 0 ? 1 : Math.min(...afterDetection) / rateBefore,
      serverErrors: load.serverErrorCount,
      internalErrors: load.errorCodes.get("INTERNAL_SERVER_ERROR") ?? 0,
      errorCodes: Object.fromEntries(load.errorCodes),
      retryAfterMs: load.retryAfterMs,
      lost: audit.acceptedMissing + audit.acceptedWrongOption,
      double: audit.doubleCounts,
      countedButToldFailed: Object.entries(audit.unansweredInPostgres)
        .filter(([answer]) => answer.startsWith("error:"))
        .reduce((sum, [, n]) => sum + n, 0),
      talliesEqual:
        redisTotal === audit.inPostgres &&
        counterTotal === audit.inPostgres &&
        sameCounts(redisPerOption, audit.perOption) &&
        sameCounts(counterPerOption, audit.perOption),
      audit,
      serverLog,
    };
    printScenario(figures);
    return figures;
  } finally {
    await load.stop();
    await server.stop("SIGKILL");
  }
}

export function printScenario(f: ScenarioFigures): void {
  const fields = {
    acceptedPerSecondBefore: f.rateBefore,
    acceptedPerSecondFromFault: `[${f.perSecond.join(",")}]`,
    worstSecondFrom2s: `${Math.round(f.worstShareAfterDetection * 100)}%`,
    "5xx": f.serverErrors,
    internalErrors: f.internalErrors,
    errorAnswers: JSON.stringify(f.errorCodes),
    retryAfterMs: f.retryAfterMs,
    accepted: f.audit.accepted,
    inPostgres: f.audit.inPostgres,
    lost: f.lost,
    double: f.double,
    countedButToldFailed: f.countedButToldFailed,
    unansweredInPostgres: JSON.stringify(f.audit.unansweredInPostgres),
    talliesEqual: f.talliesEqual,
    serverLog: JSON.stringify(countLines(f.serverLog)),
  };
  console.log(`[chaos] ${f.scenario}: ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  if (!f.talliesEqual) {
    const { perOption, counters, redisTally } = f.audit;
    console.log(`[chaos] ${f.scenario}: tallies differ: ballots=${JSON.stringify(perOption)} counters=${JSON.stringify(counters)} redis=${JSON.stringify(redisTally)}`);
  }
}

/** The server's log messages with how often each came, in the order they first came. */
function countLines(lines: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) counts[line.slice(0, 60)] = (counts[line.slice(0, 60)] ?? 0) + 1;
  return counts;
}

function note(what: string): void {
  if (process.env.CHAOS_SERVER_LOG) appendFileSync(process.env.CHAOS_SERVER_LOG, `${JSON.stringify({ time: new Date().toISOString(), message: `[test] ${what}` })}\n`);
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
