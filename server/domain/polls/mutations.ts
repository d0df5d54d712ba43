import type { CreatePollInput } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { resolveOwnedRestaurant } from "../owners/restaurants";
import { assertDishesOfRestaurant, optionRows, pollRowFields } from "./drafts";
import { effectiveStatus } from "./definition";
import { newSlug } from "./slug";

/** Creates a draft poll in one of the owner's restaurants; menu-vote options must come from that restaurant's menu. */
export async function createPoll(db: Db, ownerId: string, input: CreatePollInput) {
  const restaurant = await resolveOwnedRestaurant(db, ownerId, input.restaurantId);

  await assertDishesOfRestaurant(db, restaurant.id, input.options);
  return db.poll.create({
    data: {
      restaurantId: restaurant.id,
      slug: newSlug(),
      ...pollRowFields(input, Boolean(input.promotion)),
      options: { create: optionRows(input.kind, input.options) },
      promotion: input.promotion && { create: { ...input.promotion, remaining: input.promotion.quantity } },
    },
    select: { id: true, slug: true, status: true, options: { select: { id: true, label: true }, orderBy: { position: "asc" } } },
  });
}

/** The owner's polls, newest first: the dashboard's (not archived), or the archive. Status as a person sees it. */
export async function listOwnerPolls(db: Db, ownerId: string, archived = false, now = new Date()) {
  const polls = await db.poll.findMany({
    where: { restaurant: { ownerId }, archivedAt: archived ? { not: null } : null },
    select: { id: true, slug: true, question: true, kind: true, status: true, createdAt: true, opensAt: true, closesAt: true, archivedAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return polls.map((poll) => ({ ...poll, status: effectiveStatus(poll, now) }));
}
