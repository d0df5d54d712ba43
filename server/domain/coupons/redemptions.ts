import { startOfDayIn } from "@/lib/zonedTime";
import type { Db } from "../../infra/db/prisma";
import { REDEMPTION_GRACE_MS } from "./redeem";

/** Today's redemptions at the owner's counter, newest first, "today" on the restaurant's clock; undone ones included. */
export async function listTodaysRedemptions(db: Db, ownerId: string, now = new Date()) {
  const restaurant = await db.restaurant.findFirst({ where: { ownerId }, select: { timeZone: true }, orderBy: { createdAt: "asc" } });
  const since = startOfDayIn(restaurant?.timeZone ?? "UTC", now);
  const rows = await db.couponRedemption.findMany({
    where: { ownerId, redeemedAt: { gte: since } },
    select: {
      redeemedAt: true,
      undoneAt: true,
      coupon: { select: { code: true, promotion: { select: { title: true, discount: true } } } },
    },
    orderBy: { redeemedAt: "desc" },
    take: 500,
  });
  return rows.map((row) => ({
    code: row.coupon.code,
    title: row.coupon.promotion.title,
    discount: row.coupon.promotion.discount,
    redeemedAt: row.redeemedAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoable: !row.undoneAt && now.getTime() - row.redeemedAt.getTime() <= REDEMPTION_GRACE_MS,
  }));
}
