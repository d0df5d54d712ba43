import { randomInt } from "node:crypto";
import type { PollResults, WordCount } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";

/** Counter stripes per word: concurrent answers with the same word rarely wait on one row (as TallyCounter). */
const WORD_SHARDS = 16;

/** Words a cloud shows at most: enough for a TV, small enough to send ten times a second. */
export const CLOUD_WORDS = 60;

export type AnswerOutcome = "accepted" | "changed" | "already_answered" | "not_accepting";

/**
 * Open answers in Postgres, which decides them on both engines (docs/adr/0029): each call is one SQL function,
 * one transaction, so an answer, its words' counts and the seq never part (prisma/migrations/*_open_answers).
 */
export async function storeAnswer(db: Db, answer: { pollId: string; voterId: string; text: string; words: readonly string[]; flagged: boolean; now: Date }) {
  const [{ result }] = await db.$queryRaw<{ result: { status: AnswerOutcome; revision?: number } }[]>`
    SELECT tableside_submit_answer(${answer.pollId}, ${answer.voterId}, ${answer.text}, ${answer.words as string[]}::text[],
                                   ${answer.flagged}, ${randomInt(WORD_SHARDS)}::int, ${answer.now}::timestamptz) AS result`;
  return result;
}

export async function setAnswerHidden(db: Db, pollId: string, answerId: bigint, hidden: boolean, now = new Date()): Promise<boolean> {
  const [{ changed }] = await db.$queryRaw<{ changed: boolean }[]>`
    SELECT tableside_hide_answer(${pollId}, ${answerId}::bigint, ${hidden}, ${randomInt(WORD_SHARDS)}::int, ${now}::timestamptz) AS changed`;
  return changed;
}

export async function setWordHidden(db: Db, pollId: string, word: string, hidden: boolean, now = new Date()): Promise<boolean> {
  const [{ changed }] = await db.$queryRaw<{ changed: boolean }[]>`
    SELECT tableside_hide_word(${pollId}, ${word}, ${hidden}, ${randomInt(WORD_SHARDS)}::int, ${now}::timestamptz) AS changed`;
  return changed;
}

/**
 * The poll's cloud as one snapshot: the most frequent visible words (hidden words left out), the visible answers
 * and the seq, read in one statement so they agree.
 */
export async function readCloud(db: Db, pollId: string, limit = CLOUD_WORDS): Promise<PollResults> {
  const rows = await db.$queryRaw<{ word: string; count: number }[]>`
    WITH sums AS (
      SELECT word, sum(count)::int AS count FROM "WordCounter" WHERE "pollId" = ${pollId} GROUP BY word
    )
    (SELECT word, count FROM sums WHERE word IN ('', ' '))
    UNION ALL
    (SELECT word, count FROM sums s
     WHERE word NOT IN ('', ' ') AND count > 0
       AND NOT EXISTS (SELECT 1 FROM "HiddenWord" h WHERE h."pollId" = ${pollId} AND h.word = s.word)
     ORDER BY count DESC, word LIMIT ${limit})`;
  let seq = 0;
  let total = 0;
  const words: WordCount[] = [];
  for (const { word, count } of rows) {
    if (word === "") seq = count;
    else if (word === " ") total = count;
    else words.push([word, count]);
  }
  return { counts: {}, total, seq, words };
}
