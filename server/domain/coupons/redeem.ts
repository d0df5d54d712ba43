import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";

/**
 * Redeems a coupon at the counter. The conditional UPDATE is the whole guarantee: of two staff phones redeeming
 * the same code at once, exactly one changes the row; the other is told when it was redeemed. A code from
 * another restaurant reads as unknown, so codes cannot be probed across restaurants.
 */
export async function redeemCoupon(db: Db, ownerId: string, code: string, now = new Date()) {
  const coupon = await db.coupon.findUnique({
    where: { code },
    select: {
      id: true,
      redeemedAt: true,
      promotion: { select: { title: true, discount: true, validUntil: true } },
      poll: { select: { restaurant: { select: { ownerId: true } } } },
    },
  });
  if (!coupon || coupon.poll.restaurant.ownerId !== ownerId) throw new DomainError("NOT_FOUND", "no such coupon at your restaurant");
  const alreadyRedeemed = (at: Date) =>
    new DomainError("CONFLICT", `already redeemed at ${at.toISOString()}`, { redeemedAt: at.toISOString() });
  if (coupon.redeemedAt) throw alreadyRedeemed(coupon.redeemedAt);
  if (coupon.promotion.validUntil <= now) {
    throw new DomainError("PRECONDITION_FAILED", `expired on ${coupon.promotion.validUntil.toISOString()}`);
  }

  const { count } = await db.coupon.updateMany({ where: { id: coupon.id, redeemedAt: null }, data: { redeemedAt: now } });
  if (count === 0) {
    const { redeemedAt } = await db.coupon.findUniqueOrThrow({ where: { id: coupon.id }, select: { redeemedAt: true } });
    throw alreadyRedeemed(redeemedAt!);
  }
  return {
    code,
    title: coupon.promotion.title,
    discount: coupon.promotion.discount,
    redeemedAt: now.toISOString(),
  };
}
