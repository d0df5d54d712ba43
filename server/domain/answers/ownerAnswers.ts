import { toZonedIso } from "@/lib/zonedTime";
import type { Db } from "../../infra/db/prisma";
import { csvField, pseudonymsFor } from "../polls/exportBallots";

const PAGE = 50;
const EXPORT_PAGE = 5_000;

/** Postgres LIKE's wildcards typed by the owner are searched for as themselves. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * An open poll's answers as its owner's list shows them, newest first, 50 at a time (`cursor`: the last id seen),
 * optionally those containing `search` (any case). An answer is named by its own id, never by its voter.
 */
export async function listAnswers(db: Db, pollId: string, search: string, cursor?: string) {
  const rows = await db.openAnswer.findMany({
    where: {
      pollId,
      ...(search ? { text: { contains: likeEscaped(search), mode: "insensitive" as const } } : {}),
      ...(cursor ? { id: { lt: BigInt(cursor) } } : {}),
    },
    select: { id: true, text: true, words: true, flagged: true, revision: true, answeredAt: true, changedAt: true, hiddenAt: true },
    orderBy: { id: "desc" },
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  return {
    answers: page.map((row) => ({
      id: row.id.toString(),
      text: row.text,
      words: row.words,
      flagged: row.flagged,
      hidden: row.hiddenAt !== null,
      changed: row.revision > 1,
      answeredAt: (row.changedAt ?? row.answeredAt).toISOString(),
    })),
    nextCursor: rows.length > PAGE ? page[page.length - 1].id.toString() : null,
  };
}

/**
 * The poll's answers as CSV, oldest first: the text, when, whether hidden or flagged, and a per-poll pseudonym of
 * the voter (as in the ballots' export), on the restaurant's clock.
 */
export async function exportAnswersCsv(db: Db, pollId: string, secret: string): Promise<string> {
  const pseudonym = pseudonymsFor(secret, pollId);
  const { restaurant } = await db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { restaurant: { select: { timeZone: true } } } });
  const lines = ["answer,answered_at,changed_at,voter,text,hidden,flagged"];
  let cursor: bigint | undefined;
  let number = 0;
  for (;;) {
    const page = await db.openAnswer.findMany({
      where: { pollId, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, voterId: true, text: true, answeredAt: true, changedAt: true, hiddenAt: true, flagged: true },
      orderBy: { id: "asc" },
      take: EXPORT_PAGE,
    });
    if (page.length === 0) break;
    for (const row of page) {
      const at = (date: Date | null) => (date ? toZonedIso(date, restaurant.timeZone) : "");
      lines.push(
        [++number, at(row.answeredAt), at(row.changedAt), pseudonym(row.voterId), row.text, row.hiddenAt ? "yes" : "no", row.flagged ? "yes" : "no"]
          .map(csvField)
          .join(","),
      );
    }
    cursor = page[page.length - 1].id;
  }
  return `${lines.join("\n")}\n`;
}
