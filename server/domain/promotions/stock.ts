import type { Db } from "../../infra/db/prisma";

/** What anyone may know of a poll's promotion while it runs: the live screen's "N of M coupons left". */
export type CouponStock = { quantity: number; left: number; validUntil: string; running: boolean };

const FRESH_FOR_MS = 1_000;
const MAX_POLLS = 10_000;

/**
 * Coupons left per poll, counted from the coupon rows (a won coupon is in Postgres before the vote is answered).
 * Every screen of a poll asks again after each tally change, so answers are shared for a second: Postgres counts
 * a poll's coupons at most once a second per process, however many screens watch it.
 */
export class CouponStockReader {
  private readonly recent = new Map<string, { stock: CouponStock | null; readAt: number }>();

  constructor(private readonly freshForMs = FRESH_FOR_MS) {}

  async read(db: Db, pollId: string, now = Date.now()): Promise<CouponStock | null> {
    const cached = this.recent.get(pollId);
    if (cached && now - cached.readAt < this.freshForMs) return cached.stock;
    const stock = await readCouponStock(db, pollId, new Date(now));
    if (this.recent.size >= MAX_POLLS) this.recent.clear();
    this.recent.set(pollId, { stock, readAt: now });
    return stock;
  }
}

/** Null when the poll has no promotion. Once the promotion's validity ends no coupon is won, so none is left. */
export async function readCouponStock(db: Db, pollId: string, now: Date): Promise<CouponStock | null> {
  const promotion = await db.promotion.findUnique({ where: { pollId }, select: { quantity: true, validUntil: true } });
  if (!promotion) return null;
  const running = promotion.validUntil > now;
  const issued = running ? await db.coupon.count({ where: { pollId } }) : promotion.quantity;
  return {
    quantity: promotion.quantity,
    left: Math.max(0, promotion.quantity - issued),
    validUntil: promotion.validUntil.toISOString(),
    running,
  };
}
