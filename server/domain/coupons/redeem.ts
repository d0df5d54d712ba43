import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";

/** How long the counter may take a redemption back, and how long the same device's second tap reads as success. */
export const REDEMPTION_GRACE_MS = 2 * 60_000;

/**
 * Who redeems: the owner signed in (`device` is a hash of the session), or a staff member on an enrolled counter
 * device of one restaurant (docs/adr/0027), whom the audit trail then names.
 */
export type Redeemer = { ownerId: string; device: string; restaurantId?: string; staffId?: string; counterDeviceId?: string };

export type Redemption = { code: string; title: string; discount: string; redeemedAt: string; undoableUntil: string };

/**
 * Redeems a coupon at the counter. The conditional UPDATE is the whole guarantee: of two staff phones redeeming
 * the same code at once, exactly one changes the row (and writes the one redemption in force, which a partial
 * unique index also enforces); the other is told when it was redeemed. The same device asking again within the
 * grace period (a double tap, a second scan) is answered with the same success and the original time, so staff
 * never see "already redeemed" for the diner in front of them. A code from another restaurant reads as unknown.
 */
export async function redeemCoupon(db: Db, redeemer: Redeemer, code: string, now = new Date()): Promise<Redemption> {
  const { ownerId, device } = redeemer;
  const coupon = await db.coupon.findUnique({
    where: { code },
    select: {
      id: true,
      promotion: { select: { title: true, discount: true, validUntil: true } },
      poll: { select: { restaurantId: true, restaurant: { select: { ownerId: true } } } },
    },
  });
  const elsewhere = redeemer.restaurantId !== undefined && coupon?.poll.restaurantId !== redeemer.restaurantId;
  if (!coupon || coupon.poll.restaurant.ownerId !== ownerId || elsewhere) throw new DomainError("NOT_FOUND", "no such coupon at your restaurant");
  const answer = (redeemedAt: Date): Redemption => ({
    code,
    title: coupon.promotion.title,
    discount: coupon.promotion.discount,
    redeemedAt: redeemedAt.toISOString(),
    undoableUntil: new Date(redeemedAt.getTime() + REDEMPTION_GRACE_MS).toISOString(),
  });

  const redeemed = await db.$transaction(async (tx) => {
    if (coupon.promotion.validUntil <= now) return false;
    const { count } = await tx.coupon.updateMany({ where: { id: coupon.id, redeemedAt: null }, data: { redeemedAt: now } });
    if (count === 1) await tx.couponRedemption.create({ data: { couponId: coupon.id, ownerId, device, redeemedAt: now, staffId: redeemer.staffId, counterDeviceId: redeemer.counterDeviceId } });
    return count === 1;
  });
  if (redeemed) return answer(now);

  const inForce = await db.couponRedemption.findFirst({ where: { couponId: coupon.id, undoneAt: null }, select: { device: true, redeemedAt: true } });
  if (!inForce) throw new DomainError("PRECONDITION_FAILED", `expired on ${coupon.promotion.validUntil.toISOString()}`);
  const repeat = inForce.device === device && now.getTime() - inForce.redeemedAt.getTime() <= REDEMPTION_GRACE_MS;
  if (repeat) return answer(inForce.redeemedAt);
  throw new DomainError("CONFLICT", `already redeemed at ${inForce.redeemedAt.toISOString()}`, { redeemedAt: inForce.redeemedAt.toISOString() });
}

/**
 * Takes back a redemption made in the last two minutes (the wrong code, the wrong table), by any device of the
 * owner. The redemption row stays, marked undone: the audit trail keeps what was given and taken back.
 */
export async function undoRedemption(db: Db, ownerId: string, code: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const inForce = await tx.couponRedemption.findFirst({
      where: { coupon: { code }, ownerId, undoneAt: null },
      select: { id: true, couponId: true, redeemedAt: true },
    });
    if (!inForce) throw new DomainError("NOT_FOUND", "no redemption of this coupon to undo");
    if (now.getTime() - inForce.redeemedAt.getTime() > REDEMPTION_GRACE_MS) {
      throw new DomainError("PRECONDITION_FAILED", "a redemption can be undone for two minutes only");
    }
    const { count } = await tx.couponRedemption.updateMany({ where: { id: inForce.id, undoneAt: null }, data: { undoneAt: now } });
    if (count === 0) throw new DomainError("NOT_FOUND", "no redemption of this coupon to undo");
    await tx.coupon.update({ where: { id: inForce.couponId }, data: { redeemedAt: null } });
    return { code, undoneAt: now.toISOString() };
  });
}
