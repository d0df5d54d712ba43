import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { signInInput, signUpInput } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import { hashPassword, verifyPassword } from "./passwords";
import { restaurantSelect } from "./settings";

/**
 * Creates an owner together with their first restaurant; null when the address already has an account (the
 * caller answers as for a new one, ADR 0020). The password is hashed either way, so both take as long.
 */
export async function signUp(db: Db, input: z.infer<typeof signUpInput>) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.owner.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        restaurants: { create: { name: input.restaurantName, timeZone: input.timeZone, currency: input.currency } },
      },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/** Sign-up's answer for an address that already has an account: a new owner's shape, with an id of the same form. */
export function lookalikeOwner(input: { email: string; name: string }) {
  const id = `c${randomBytes(24).toString("hex").slice(0, 24)}`; // cuid()'s length and alphabet
  return { id, email: input.email, name: input.name };
}

export async function signIn(db: Db, input: z.infer<typeof signInInput>) {
  const owner = await db.owner.findUnique({ where: { email: input.email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(owner?.passwordHash ?? null, input.password);
  if (!owner || !valid) throw new DomainError("UNAUTHORIZED", "wrong email or password");
  return { id: owner.id, email: owner.email, name: owner.name };
}

export async function listRestaurants(db: Db, ownerId: string) {
  return db.restaurant.findMany({ where: { ownerId }, select: restaurantSelect, orderBy: { createdAt: "asc" } });
}
