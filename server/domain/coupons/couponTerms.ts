import type { Db } from "../../infra/db/prisma";

type Terms = { title: string; discount: string; validUntil: string };

/**
 * What a diner sees the moment they win: the code from the vote itself plus the promotion's terms, read from the
 * promotion (not the coupon row, which the Redis engine's flusher writes a moment later). The terms are cached per
 * poll in this process: a promotion is attached only to a draft (attachPromotion), and coupons are won only once
 * the poll is open, so terms read for a winner never change; `forget` on attach anyway. Without the cache every
 * winner cost a Postgres read on the vote's path (10,000 of them in the seed's 100,000-voter run).
 */
export class CouponTerms {
  private readonly byPoll = new Map<string, Promise<Terms>>();

  constructor(
    private readonly db: Db,
    private readonly maxPolls = 10_000,
  ) {}

  async describeWon(pollId: string, code: string) {
    let terms = this.byPoll.get(pollId);
    if (!terms) {
      if (this.byPoll.size >= this.maxPolls) this.byPoll.clear();
      terms = this.read(pollId);
      this.byPoll.set(pollId, terms);
      terms.catch(() => this.byPoll.delete(pollId)); // a failed read is tried again by the next winner
    }
    return { code, ...(await terms) };
  }

  forget(pollId: string): void {
    this.byPoll.delete(pollId);
  }

  private async read(pollId: string): Promise<Terms> {
    const promotion = await this.db.promotion.findUniqueOrThrow({ where: { pollId }, select: { title: true, discount: true, validUntil: true } });
    return { title: promotion.title, discount: promotion.discount, validUntil: promotion.validUntil.toISOString() };
  }
}
