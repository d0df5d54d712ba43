import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import type { PollDefinition } from "../polls/definition";
import type { LiveAnnouncer } from "../ports";
import { storeAnswer } from "./answerStore";
import { countedWords } from "./countWords";
import { hasProfanity } from "./profanity";

export type SubmitAnswerResult = { status: "accepted" | "changed" | "already_answered" };

/**
 * A diner's answer to an open poll: its words are counted here (transport-free), Postgres decides whether it
 * counts (ONE_BALLOT_PER_VOTER, server/domain/votes/ballotRule.ts), and the screens hear of it through the live
 * layer, which reads the cloud at most once per tick however fast answers arrive.
 */
export async function submitAnswer(db: Db, live: LiveAnnouncer, poll: PollDefinition, voterId: string, text: string, now = new Date()): Promise<SubmitAnswerResult> {
  if (poll.kind !== "open") throw new DomainError("BAD_REQUEST", "this poll takes a choice, not a written answer");
  const outcome = await storeAnswer(db, { pollId: poll.id, voterId, text, words: countedWords(text), flagged: hasProfanity(text), now });
  if (outcome.status === "not_accepting") throw new DomainError("PRECONDITION_FAILED", "this poll is not taking answers");
  if (outcome.status !== "already_answered") live.answersChanged(poll.id);
  return { status: outcome.status };
}
