import type { PromotionInput } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";

/**
 * Attaches (or replaces) a draft poll's promotion (its owner's call: the router's ownerPollProcedure checked that).
 * Once a poll is open its coupon stock is live in the vote engine, so the promotion is fixed from then on: exactly
 * N coupons, whatever happens. As at creation, a promotion asks for proof of presence unless the owner says
 * otherwise (`presenceRequired: false`): coupons are for diners in the room (docs/adr/0026).
 */
export async function attachPromotion(db: Db, pollId: string, { presenceRequired, ...input }: PromotionInput & { presenceRequired?: boolean }) {
  const { status } = await db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { status: true } });
  if (status !== "draft") throw new DomainError("PRECONDITION_FAILED", "a promotion is set before the poll opens");
  const data = { ...input, remaining: input.quantity };
  const [promotion] = await db.$transaction([
    db.promotion.upsert({
      where: { pollId },
      create: { pollId, ...data },
      update: data,
      select: { title: true, discount: true, quantity: true, validUntil: true },
    }),
    // Only a draft: an open racing this leaves the poll as it opened (its promotion was refused above or is fixed).
    db.poll.updateMany({ where: { id: pollId, status: "draft" }, data: { presenceRequired: presenceRequired ?? true } }),
  ]);
  return { ...promotion, presenceRequired: presenceRequired ?? true };
}
