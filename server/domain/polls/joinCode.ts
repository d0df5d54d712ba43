import { readJoinCode } from "@/lib/joinCode";
import type { Db } from "../../infra/db/prisma";
import { notFound } from "../errors";

/**
 * The poll a typed join code names, as its public link's slug. A draft is not there yet for diners, and an
 * archived poll no longer is: both read as unknown codes, as does anything that cannot be a code.
 */
export async function findPollByJoinCode(db: Db, typed: string): Promise<{ slug: string }> {
  const joinCode = readJoinCode(typed);
  const poll = joinCode
    ? await db.poll.findFirst({ where: { joinCode, status: { not: "draft" }, archivedAt: null }, select: { slug: true } })
    : null;
  if (!poll) throw notFound("join code");
  return poll;
}
