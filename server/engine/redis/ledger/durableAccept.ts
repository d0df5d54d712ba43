import type { RedisClient } from "../../../infra/redis/redisClient";
import type { AcceptedBallot, BallotLedger, RecordOutcome } from "../../types";
import { pollKeys } from "../keys";
import { pipelinePerPoll } from "../pipelinePerPoll";
import { GroupCommit } from "./groupCommit";
import { type BallotWriter, recordBallots } from "../../postgres/recordBallots";

type Pending = AcceptedBallot & { streamEntryId: string };

/**
 * Transactions in flight at once (and the ledger pool's size). Two, not four: fewer, larger batches cost less CPU
 * per vote and kept latency lower (measured in docs/adr/0004).
 */
export const LEDGER_CONNECTIONS = 2;

/**
 * The Redis engine answers `accepted` only once the ballot is committed in Postgres (docs/adr/0004): Redis without
 * persistence can lose anything it alone holds. Concurrent votes share one transaction (group commit), so the
 * cost is a round trip of latency, not a transaction per vote. Once committed, the ballots' stream entries are
 * deleted: the stream flusher is left only the ballots of a process that died between Redis and Postgres.
 */
export class DurableAccept implements BallotLedger {
  private readonly commits: GroupCommit<Pending, RecordOutcome>;

  constructor(
    writer: BallotWriter,
    private readonly redis: RedisClient,
  ) {
    this.commits = new GroupCommit(async (batch) => {
      const outcomes = await recordBallots(writer, batch);
      this.settle(batch);
      return outcomes;
    }, LEDGER_CONNECTIONS);
  }

  record(ballot: Pending): Promise<RecordOutcome> {
    return this.commits.submit(ballot);
  }

  drained(): Promise<void> {
    return this.commits.drained();
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
