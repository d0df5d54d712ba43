import type { Db } from "../../infra/db/prisma";
import { DomainError, notFound } from "../errors";
import type { PollDefinition } from "../polls/definition";
import type { LiveAnnouncer } from "../ports";
import { setAnswerHidden, setWordHidden } from "./answerStore";
import { normalizeWord } from "./countWords";

/**
 * The owner's moderation of an open poll: a hidden answer's words leave the counts, a hidden word leaves the
 * cloud; either reaches every screen with the next live tick (docs/adr/0029). Showing again undoes either.
 */
export async function hideAnswer(db: Db, live: LiveAnnouncer, pollId: string, answerId: string, hidden: boolean): Promise<void> {
  const answer = await db.openAnswer.findUnique({ where: { id: BigInt(answerId) }, select: { pollId: true } });
  if (answer?.pollId !== pollId) throw notFound("answer");
  if (await setAnswerHidden(db, pollId, BigInt(answerId), hidden)) live.answersChanged(pollId);
}

/** `word` as the cloud shows it; typed by the owner, it is read the way answers are ("Pizza" is "pizza"). */
export async function hideWord(db: Db, live: LiveAnnouncer, poll: PollDefinition, word: string, hidden: boolean): Promise<void> {
  if (poll.kind !== "open") throw new DomainError("BAD_REQUEST", "only an open poll has a word cloud");
  const pollId = poll.id;
  const counted = normalizeWord(word) ?? word.normalize("NFKC").toLowerCase();
  if (await setWordHidden(db, pollId, counted, hidden)) live.answersChanged(pollId);
}

export async function readHiddenWords(db: Db, pollId: string): Promise<string[]> {
  const rows = await db.hiddenWord.findMany({ where: { pollId }, select: { word: true }, orderBy: { hiddenAt: "desc" } });
  return rows.map((row) => row.word);
}
