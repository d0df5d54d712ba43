import type { RedisClient } from "../../../infra/redis/redisClient";
import pg from "pg";
import { isPostgresOutage } from "../../../infra/db/postgresOutage";
import type { AcceptedBallot, BallotLedger, LedgerOutcome } from "../../types";
import { pollKeys } from "../keys";
import { pipelinePerPoll } from "../pipelinePerPoll";
import { GroupCommit } from "./groupCommit";
import { PostgresCircuit, type PostgresCircuitOptions } from "./postgresCircuit";
import { type BallotWriter, recordBallots } from "../../postgres/recordBallots";

type Pending = AcceptedBallot & { streamEntryId: string };

/**
 * Transactions in flight at once (and the ledger pool's size). Two, not four: fewer, larger batches cost less CPU
 * per vote and kept latency lower (measured in docs/adr/0004).
 */
export const LEDGER_CONNECTIONS = 2;

/**
 * The ledger pool's deadlines: a commit that has not answered by then is left to the stream (docs/adr/0016), so a
 * hung Postgres costs a vote at most this long. pg destroys a connection whose query timed out.
 */
export const LEDGER_DEADLINES = { connectionTimeoutMillis: 1_000, query_timeout: 1_500 } as const;

const DEFERRED: LedgerOutcome = { outcome: "deferred", couponCode: null };

/**
 * The Redis engine answers `accepted` only once the ballot is committed in Postgres (docs/adr/0004): Redis without
 * persistence can lose anything it alone holds. Concurrent votes share one transaction (group commit), so the
 * cost is a round trip of latency, not a transaction per vote. Once committed, the ballots' stream entries are
 * deleted: the stream flusher is left only the ballots of a process that died between Redis and Postgres.
 *
 * While Postgres is away (a commit failed for that reason: unreachable, restarting, past its deadline), ballots are
 * `deferred` without trying: they stay in the streams, and the flusher records them once Postgres is back
 * (docs/adr/0016). Those answers rest on Redis alone until then.
 */
export class DurableAccept implements BallotLedger {
  private readonly commits: GroupCommit<Pending, LedgerOutcome>;
  readonly circuit: PostgresCircuit;

  constructor(
    writer: BallotWriter,
    private readonly redis: RedisClient,
    circuitOptions: PostgresCircuitOptions = {},
  ) {
    this.circuit = new PostgresCircuit(() => probe(writer), circuitOptions);
    this.commits = new GroupCommit<Pending, LedgerOutcome>(async (batch) => {
      if (this.circuit.away) return batch.map(() => DEFERRED); // queued while the commit before them failed
      try {
        const outcomes = await recordBallots(writer, batch);
        this.settle(batch);
        return outcomes;
      } catch (error) {
        // The commit may or may not have happened: either way the stream entries stay, and the flusher's replay
        // is idempotent (tableside_record_ballots: `same` for a ballot already there). Tripped here, before the
        // next queued batch goes out, so that one does not wait on the same dead connection.
        if (!isPostgresOutage(error)) throw error;
        this.circuit.trip(error);
        return batch.map(() => DEFERRED);
      }
    }, LEDGER_CONNECTIONS);
  }

  record(ballot: Pending): Promise<LedgerOutcome> {
    if (this.circuit.away) return Promise.resolve(DEFERRED);
    return this.commits.submit(ballot);
  }

  drained(): Promise<void> {
    return this.commits.drained();
  }

  stop(): Promise<void> {
    return this.circuit.stop();
  }

  /** Best effort: an entry left behind is recorded again by the flusher, which inserts nothing twice. */
  private settle(batch: readonly Pending[]): void {
    const byPoll = new Map<string, string[]>();
    for (const b of batch) {
      const ids = byPoll.get(b.pollId) ?? [];
      ids.push(b.streamEntryId);
      byPoll.set(b.pollId, ids);
    }
    pipelinePerPoll(this.redis, [...byPoll.keys()], (pipeline, pollId) => pipeline.xdel(pollKeys(pollId).ballots, ...byPoll.get(pollId)!)).catch(
      () => {},
    );
  }
}

function probe(writer: BallotWriter): Promise<unknown> {
  return writer instanceof pg.Pool ? writer.query("SELECT 1") : writer.$queryRaw`SELECT 1`;
}
