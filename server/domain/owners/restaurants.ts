import type { Db } from "../../infra/db/prisma";
import { DomainError, notFound } from "../errors";

/** The restaurant an owner is working on: the one named, which must be theirs, or their first. */
export async function resolveOwnedRestaurant(db: Db, ownerId: string, restaurantId?: string): Promise<{ id: string }> {
  const restaurant = await db.restaurant.findFirst({
    where: restaurantId ? { id: restaurantId } : { ownerId },
    select: { id: true, ownerId: true },
    orderBy: { createdAt: "asc" },
  });
  if (!restaurant) throw notFound("restaurant");
  if (restaurant.ownerId !== ownerId) throw new DomainError("FORBIDDEN", "this restaurant is not yours");
  return { id: restaurant.id };
}
