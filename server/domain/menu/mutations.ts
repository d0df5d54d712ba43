import type { z } from "zod";
import type { createMenuItemInput, updateMenuItemInput } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { DomainError, notFound } from "../errors";
import { resolveOwnedRestaurant } from "../owners/restaurants";

const itemSelect = { id: true, nameEn: true, nameKo: true, description: true, priceCents: true, photoUrl: true } as const;

/** A name left empty is no name: stored as null, so pages fall back to the other language. */
const stored = <Fields extends { nameEn: string; nameKo: string }>({ nameEn, nameKo, ...fields }: Fields) => ({
  ...fields,
  nameEn: nameEn || null,
  nameKo: nameKo || null,
});

export async function listMenu(db: Db, ownerId: string, restaurantId?: string) {
  const restaurant = await resolveOwnedRestaurant(db, ownerId, restaurantId);
  return db.menuItem.findMany({ where: { restaurantId: restaurant.id }, select: itemSelect, orderBy: { createdAt: "asc" } });
}

export async function addMenuItem(db: Db, ownerId: string, input: z.infer<typeof createMenuItemInput>) {
  const { restaurantId, ...fields } = input;
  const restaurant = await resolveOwnedRestaurant(db, ownerId, restaurantId);
  return db.menuItem.create({ data: { ...stored(fields), restaurantId: restaurant.id }, select: itemSelect });
}

export async function updateMenuItem(db: Db, ownerId: string, input: z.infer<typeof updateMenuItemInput>) {
  const { menuItemId, ...fields } = input;
  await assertOwnsMenuItem(db, ownerId, menuItemId);
  return db.menuItem.update({ where: { id: menuItemId }, data: stored(fields), select: itemSelect });
}

/** Removing a dish keeps the polls it was in: their options keep their labels and lose only the link. */
export async function removeMenuItem(db: Db, ownerId: string, menuItemId: string) {
  await assertOwnsMenuItem(db, ownerId, menuItemId);
  await db.menuItem.delete({ where: { id: menuItemId } });
  return { removed: true };
}

async function assertOwnsMenuItem(db: Db, ownerId: string, menuItemId: string) {
  const item = await db.menuItem.findUnique({ where: { id: menuItemId }, select: { restaurant: { select: { ownerId: true } } } });
  if (!item) throw notFound("menu item");
  if (item.restaurant.ownerId !== ownerId) throw new DomainError("FORBIDDEN", "this menu item is not yours");
}
