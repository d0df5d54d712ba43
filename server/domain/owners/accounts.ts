import type { z } from "zod";
import type { signInInput, signUpInput } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import { hashPassword, verifyPassword } from "./passwords";
import { restaurantSelect } from "./settings";

/** Creates an owner together with their first restaurant. */
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
    if ((error as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "an account with this email exists");
    throw error;
  }
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
