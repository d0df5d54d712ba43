import type { VoteEngine } from "../../engine/types";
import type { Db } from "../../infra/db/prisma";
import type { PollResultsSource } from "../polls/visibility";
import { readCloud } from "./answerStore";
import { hasAnswered } from "./myAnswer";

/** Results by the poll's kind: an open poll's cloud and answers are Postgres's on both engines (docs/adr/0029). */
export function pollResultsSource(engine: VoteEngine, db: Db): PollResultsSource {
  return {
    readResults: (poll) => (poll.kind === "open" ? readCloud(db, poll.id) : engine.readResults(poll)),
    hasVoted: (poll, voterId) => (poll.kind === "open" ? hasAnswered(db, poll.id, voterId) : engine.hasVoted(poll, voterId)),
  };
}
