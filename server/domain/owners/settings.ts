import type { z } from "zod";
import type { changeEmailInput, changePasswordInput, restaurantSettingsInput } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import { hashPassword, verifyPassword } from "./passwords";
import { resolveOwnedRestaurant } from "./restaurants";
import { sessionTokenHash } from "./sessions";

async function assertPassword(db: Db, ownerId: string, password: string): Promise<void> {
  const { passwordHash } = await db.owner.findUniqueOrThrow({ where: { id: ownerId }, select: { passwordHash: true } });
  if (!(await verifyPassword(passwordHash, password))) throw new DomainError("UNAUTHORIZED", "wrong password", { field: "password" });
}

/** A new sign-in e-mail, confirmed with the current password (a borrowed phone must not take the account). */
export async function changeEmail(db: Db, ownerId: string, input: z.infer<typeof changeEmailInput>) {
  await assertPassword(db, ownerId, input.password);
  try {
    return await db.owner.update({ where: { id: ownerId }, data: { email: input.email }, select: { email: true } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "an account with this email exists");
    throw error;
  }
}

/** A new password; every other session of the account ends, this one stays signed in. */
export async function changePassword(db: Db, ownerId: string, currentSession: string | undefined, input: z.infer<typeof changePasswordInput>) {
  await assertPassword(db, ownerId, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.owner.update({ where: { id: ownerId }, data: { passwordHash } }),
    db.ownerSession.deleteMany({ where: { ownerId, tokenHash: { not: sessionTokenHash(currentSession ?? "") } } }),
  ]);
  return { changed: true };
}

/** Ends every session of the account, this one included. */
export async function signOutEverywhere(db: Db, ownerId: string) {
  const { count } = await db.ownerSession.deleteMany({ where: { ownerId } });
  return { sessionsEnded: count };
}

export async function updateRestaurantSettings(db: Db, ownerId: string, input: z.infer<typeof restaurantSettingsInput>) {
  const { restaurantId, ...settings } = input;
  const restaurant = await resolveOwnedRestaurant(db, ownerId, restaurantId);
  return db.restaurant.update({ where: { id: restaurant.id }, data: settings, select: restaurantSelect });
}

export const restaurantSelect = { id: true, name: true, currency: true, timeZone: true } as const;
