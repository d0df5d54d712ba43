import type { Db } from "../../infra/db/prisma";
import { notFound } from "../errors";

const couponSelect = {
  code: true,
  issuedAt: true,
  redeemedAt: true,
  promotion: { select: { title: true, discount: true, validUntil: true } },
  poll: { select: { restaurant: { select: { name: true, ownerId: true } } } },
} as const;

export type CouponView = {
  code: string;
  title: string;
  discount: string;
  restaurantName: string;
  validUntil: string;
  issuedAt: string;
  redeemedAt: string | null;
};

/** What the counter sees after scanning a code: only coupons of the owner's own restaurants exist for them. */
export async function readOwnedCoupon(db: Db, ownerId: string, code: string): Promise<CouponView> {
  const coupon = await db.coupon.findUnique({ where: { code }, select: couponSelect });
  if (!coupon || coupon.poll.restaurant.ownerId !== ownerId) throw notFound("coupon");
  return toView(coupon);
}

/** The coupon a diner won in a poll, if any: shown again when they come back to the poll page. */
export async function readVotersCoupon(db: Db, pollId: string, voterId: string): Promise<CouponView | null> {
  const coupon = await db.coupon.findUnique({ where: { pollId_voterId: { pollId, voterId } }, select: couponSelect });
  return coupon && toView(coupon);
}

function toView(coupon: {
  code: string;
  issuedAt: Date;
  redeemedAt: Date | null;
  promotion: { title: string; discount: string; validUntil: Date };
  poll: { restaurant: { name: string } };
}): CouponView {
  return {
    code: coupon.code,
    title: coupon.promotion.title,
    discount: coupon.promotion.discount,
    restaurantName: coupon.poll.restaurant.name,
    validUntil: coupon.promotion.validUntil.toISOString(),
    issuedAt: coupon.issuedAt.toISOString(),
    redeemedAt: coupon.redeemedAt?.toISOString() ?? null,
  };
}

