import type { CreatePollInput, PollStatus } from "@/lib/schemas";
import type { VoteEngine } from "../../engine/types";
import type { Db } from "../../infra/db/prisma";
import type { LiveAnnouncer } from "../ports";
import { DomainError } from "../errors";
import { resolveOwnedRestaurant } from "../owners/restaurants";
import { newSlug } from "./slug";

/** Creates a draft poll in one of the owner's restaurants; menu-vote options must come from that restaurant's menu. */
export async function createPoll(db: Db, ownerId: string, input: CreatePollInput) {
  const restaurant = await resolveOwnedRestaurant(db, ownerId, input.restaurantId);

  const menuItemIds = input.options.flatMap((o) => (o.menuItemId ? [o.menuItemId] : []));
  if (menuItemIds.length > 0) {
    const found = await db.menuItem.count({ where: { id: { in: menuItemIds }, restaurantId: restaurant.id } });
    if (found !== new Set(menuItemIds).size) throw new DomainError("BAD_REQUEST", "a menu item is not on this restaurant's menu");
  }

  return db.poll.create({
    data: {
      restaurantId: restaurant.id,
      slug: newSlug(),
      question: input.question,
      multipleChoice: input.multipleChoice,
      maxChoices: input.multipleChoice ? (input.maxChoices ?? input.options.length) : 1,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      resultsVisibility: input.resultsVisibility,
      ballotCodes: input.ballotCodes,
      options: { create: input.options.map((o, position) => ({ label: o.label, menuItemId: o.menuItemId, position })) },
      promotion: input.promotion && { create: { ...input.promotion, remaining: input.promotion.quantity } },
    },
    select: { id: true, slug: true, status: true, options: { select: { id: true, label: true }, orderBy: { position: "asc" } } },
  });
}

const ALLOWED_FROM: Record<"open" | "closed", PollStatus[]> = { open: ["draft"], closed: ["draft", "open"] };

/**
 * Opens or closes a poll (its owner's call: the router's ownerPollProcedure checked that). The status change holds
 * the poll's advisory lock exclusively while Postgres-engine votes hold it shared, so no vote lands after a close
 * has committed. The engine is told after the commit.
 */
export async function changePollStatus(db: Db, engine: VoteEngine, live: LiveAnnouncer, pollId: string, to: "open" | "closed") {
  const updated = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${pollId}, 0))`;
    const { count } = await tx.poll.updateMany({
      where: { id: pollId, status: { in: ALLOWED_FROM[to] } },
      data: { status: to, ...(to === "closed" ? { closedAt: new Date() } : {}) },
    });
    return count === 1;
  });
  if (!updated) {
    const { status } = await db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { status: true } });
    if (status !== to) throw new DomainError("PRECONDITION_FAILED", `a ${status} poll cannot be ${to === "open" ? "opened" : "closed"}`);
  }
  await engine.pollStatusChanged(pollId, to);
  live.statusChanged(pollId, to);
  return { status: to };
}

export async function listOwnerPolls(db: Db, ownerId: string) {
  return db.poll.findMany({
    where: { restaurant: { ownerId } },
    select: { id: true, slug: true, question: true, status: true, createdAt: true, opensAt: true, closesAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}
