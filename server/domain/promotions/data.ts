import type { Db } from "../../infra/db/prisma";
import { notFound } from "../errors";

/** The owner's view of a promotion: stock and the winners so far, newest first. */
export async function readPromotionStatus(db: Db, pollId: string) {
  const promotion = await db.promotion.findUnique({
    where: { pollId },
    select: { title: true, discount: true, quantity: true, validUntil: true },
  });
  if (!promotion) throw notFound("promotion");
  const [issued, redeemed, winners] = await Promise.all([
    db.coupon.count({ where: { pollId } }),
    db.coupon.count({ where: { pollId, redeemedAt: { not: null } } }),
    db.coupon.findMany({
      where: { pollId },
      select: { code: true, issuedAt: true, redeemedAt: true },
      orderBy: { issuedAt: "desc" },
      take: 100,
    }),
  ]);
  return {
    ...promotion,
    validUntil: promotion.validUntil.toISOString(),
    issued,
    redeemed,
    remaining: Math.max(0, promotion.quantity - issued),
    winners: winners.map((w) => ({ code: w.code, issuedAt: w.issuedAt.toISOString(), redeemedAt: w.redeemedAt?.toISOString() ?? null })),
  };
}
