import type { VoteEngine } from "../../engine/types";
import type { Db } from "../../infra/db/prisma";
import type { LiveAnnouncer } from "../ports";
import { DomainError, notFound } from "../errors";
import { effectiveStatus } from "./definition";

/*
 * A poll's life: draft → open → closed, and back to open by a reopen; an open poll's closing time can be moved
 * (extend). Every change of status or schedule goes through `changeSchedule`, which keeps three copies in step: the
 * Poll row (the truth), the vote engine's copy (Redis meta, checked by every vote) and the live pages.
 * What a reopen means for voters and coupons: docs/adr/0013-poll-lifecycle.md.
 */

export type LifecycleDeps = { db: Db; engine: VoteEngine; live: LiveAnnouncer };

const scheduleSelect = {
  status: true,
  opensAt: true,
  closesAt: true,
  scheduleVersion: true,
  restaurantId: true,
  promotion: { select: { validUntil: true } },
} as const;

type ScheduledPoll = {
  status: "draft" | "open" | "closed";
  opensAt: Date | null;
  closesAt: Date | null;
  promotion: { validUntil: Date } | null;
};

/** What a change sets on the Poll row (and the promotion's validity); null when the poll already is as asked. */
type ScheduleChange = {
  poll: { status?: "open" | "closed"; closesAt?: Date | null; closedAt?: Date | null; archivedAt?: null };
  couponsValidUntil?: Date;
  /** A first opening: the votes-over-time chart starts here, at zero (see `recordOpening`). */
  opensFrom?: Date;
} | null;

/**
 * Applies a change decided from the poll as it stands, under the poll's advisory lock: held exclusively here and
 * shared by every Postgres-engine vote, so a vote lands wholly before or wholly after the change. The version
 * grows with each change, so the engine's copy never goes back to an older schedule (setSchedule.lua).
 */
async function changeSchedule(deps: LifecycleDeps, pollId: string, decide: (poll: ScheduledPoll, now: Date) => ScheduleChange) {
  const changed = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${pollId}, 0))`;
    // Read once the lock is held: every ballot that counts committed before this instant (docs/adr/0018).
    const now = new Date();
    const poll = await tx.poll.findUnique({ where: { id: pollId }, select: scheduleSelect });
    if (!poll) throw notFound("poll");
    const change = decide(poll, now);
    if (!change) return null;
    if (change.poll.closedAt) change.poll.closedAt = await afterLastBallot(tx, pollId, change.poll.closedAt);
    if (change.couponsValidUntil) await tx.promotion.update({ where: { pollId }, data: { validUntil: change.couponsValidUntil } });
    if (change.opensFrom) await recordOpening(tx, pollId, change.opensFrom);
    return tx.poll.update({ where: { id: pollId }, data: { ...change.poll, scheduleVersion: { increment: 1 } }, select: scheduleSelect });
  });
  if (!changed) return;
  const window = { status: changed.status, opensAt: changed.opensAt, closesAt: changed.closesAt };
  await deps.engine.pollScheduleChanged(pollId, {
    ...window,
    version: changed.scheduleVersion,
    couponsValidUntil: changed.promotion?.validUntil ?? null,
  });
  deps.live.statusChanged(pollId, window, changed.restaurantId);
}

/**
 * The chart's first point: every option at zero when voting starts. Periodic snapshots are only taken when the total
 * changed, so without it an owner who opens the page after the first votes has a single point to draw, a dot, until
 * the next vote.
 */
async function recordOpening(tx: Pick<Db, "pollOption" | "tallySnapshot">, pollId: string, at: Date): Promise<void> {
  const options = await tx.pollOption.findMany({ where: { pollId }, select: { id: true } });
  const counts = Object.fromEntries(options.map((option) => [option.id, 0]));
  await tx.tallySnapshot.createMany({ data: [{ pollId, takenAt: at, total: 0, counts }], skipDuplicates: true });
}

/**
 * The close's instant, strictly after every ballot that counts: with the lock held no ballot can still commit, and
 * a ballot stamped by another process's clock a little ahead of this one's still falls before the close.
 */
async function afterLastBallot(tx: Pick<Db, "$queryRaw">, pollId: string, now: Date): Promise<Date> {
  const [{ last }] = await tx.$queryRaw<{ last: Date | null }[]>`SELECT max("castAt") AS last FROM "Ballot" WHERE "pollId" = ${pollId}`;
  return last && last.getTime() >= now.getTime() ? new Date(last.getTime() + 1) : now;
}

const refuse = (message: string) => new DomainError("PRECONDITION_FAILED", message);

/** Opens a draft: its setup (options, schedule, promotion) goes live and is fixed from now on. */
export async function openPoll(deps: LifecycleDeps, pollId: string) {
  await changeSchedule(deps, pollId, (poll, now) => {
    if (poll.status === "open") return null;
    if (poll.status !== "draft") throw refuse("a closed poll is reopened, not opened");
    return { poll: { status: "open" }, opensFrom: poll.opensAt && poll.opensAt > now ? poll.opensAt : now };
  });
  return { status: "open" as const };
}

export async function closePoll(deps: LifecycleDeps, pollId: string) {
  await changeSchedule(deps, pollId, (poll, now) => (poll.status === "closed" ? null : { poll: { status: "closed", closedAt: now } }));
  return { status: "closed" as const };
}

/**
 * Opens a closed poll again (closed by hand, or by its schedule), until `closesAt` (null: until closed by hand).
 * Who voted stays voted; the coupon stock goes on where it was; coupons keep their validity unless it is
 * extended here. A reopened poll leaves the archive.
 */
export async function reopenPoll(deps: LifecycleDeps, pollId: string, closesAt: Date | null, couponsValidUntil?: Date) {
  await changeSchedule(deps, pollId, (poll, now) => {
    if (effectiveStatus(poll, now) !== "closed") throw refuse("only a closed poll can be reopened");
    checkClosingTime(poll, closesAt, now);
    return { poll: { status: "open", closesAt, closedAt: null, archivedAt: null }, couponsValidUntil: validityExtension(poll, couponsValidUntil, now) };
  });
  return { status: "open" as const };
}

/** Moves an open poll's closing time (null: open until closed by hand). */
export async function extendPoll(deps: LifecycleDeps, pollId: string, closesAt: Date | null, couponsValidUntil?: Date) {
  await changeSchedule(deps, pollId, (poll, now) => {
    const status = effectiveStatus(poll, now);
    if (status !== "open" && status !== "scheduled") throw refuse("only an open poll's closing time can be changed");
    checkClosingTime(poll, closesAt, now);
    return { poll: { closesAt }, couponsValidUntil: validityExtension(poll, couponsValidUntil, now) };
  });
  return { status: "open" as const };
}

function checkClosingTime(poll: ScheduledPoll, closesAt: Date | null, now: Date): void {
  if (closesAt && closesAt <= now) throw new DomainError("BAD_REQUEST", "the new closing time has passed", { field: "closesAt" });
  if (closesAt && poll.opensAt && closesAt <= poll.opensAt) {
    throw new DomainError("BAD_REQUEST", "the closing time must be after the opening time", { field: "closesAt" });
  }
}

/** Coupon validity only ever grows: a diner holding a coupon never finds it expired sooner than promised. */
function validityExtension(poll: ScheduledPoll, couponsValidUntil: Date | undefined, now: Date): Date | undefined {
  if (!couponsValidUntil) return undefined;
  if (!poll.promotion) throw new DomainError("BAD_REQUEST", "this poll has no promotion", { field: "couponsValidUntil" });
  if (couponsValidUntil <= now || couponsValidUntil < poll.promotion.validUntil) {
    throw new DomainError("BAD_REQUEST", "coupon validity can only be extended", { field: "couponsValidUntil" });
  }
  return couponsValidUntil;
}

/** Deletes a draft (nobody has voted in a draft); any other poll is kept for its history, and can be archived. */
export async function deleteDraft(deps: LifecycleDeps, pollId: string) {
  const deleted = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${pollId}, 0))`;
    return (await tx.poll.deleteMany({ where: { id: pollId, status: "draft" } })).count;
  });
  if (deleted === 0) throw refuse("only a draft can be deleted");
  await deps.engine.pollDeleted(pollId);
  return { deleted: true };
}

/** Archives a closed poll (off the dashboard's list, kept for history and export), or takes it out of the archive. */
export async function setArchived(db: Db, pollId: string, archived: boolean, now = new Date()) {
  const poll = await db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { status: true, opensAt: true, closesAt: true } });
  if (archived && effectiveStatus(poll, now) !== "closed") throw refuse("only a closed poll can be archived");
  await db.poll.update({ where: { id: pollId }, data: { archivedAt: archived ? now : null } });
  return { archived };
}
