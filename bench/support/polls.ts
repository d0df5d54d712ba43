import { Browser } from "../../test/support/browser";
import { signUpOwner } from "../../test/support/fixtures";
import { createPrisma, type Db } from "../../server/infra/db/prisma";

export type BenchPoll = { pollId: string; optionIds: string[] };

/**
 * An owner with open polls, made through the API like any owner would. With a promotion, the Promotion row is
 * written straight to Postgres before the poll opens (the same row the promotion procedures write), so the
 * benchmark does not depend on how that API is shaped.
 */
export class PollMaker {
  private readonly owner: Browser;
  private signedUp: Promise<unknown> | null = null;
  private db: Db | null = null;

  constructor(
    private readonly url: string,
    private readonly databaseUrl: string,
  ) {
    this.owner = new Browser(url);
  }

  async openPoll(options: { optionCount?: number; promotionQuantity?: number; resultsVisibility?: "live" | "after_vote"; kind?: "choice" | "open"; changeableUntilClose?: boolean } = {}): Promise<BenchPoll> {
    this.signedUp ??= signUpOwner(this.owner);
    await this.signedUp;
    const poll = await this.owner.api.poll.create.mutate({
      question: "Which dish becomes next week's special?",
      kind: options.kind ?? "choice",
      options: options.kind === "open" ? [] : Array.from({ length: options.optionCount ?? 5 }, (_, i) => ({ label: `Dish ${i + 1}` })),
      resultsVisibility: options.resultsVisibility ?? "live",
      changeableUntilClose: options.changeableUntilClose ?? false,
    });
    if (options.promotionQuantity) {
      this.db ??= createPrisma(this.databaseUrl, 2);
      const quantity = options.promotionQuantity;
      await this.db.promotion.create({
        data: { pollId: poll.id, title: "Bench coupon", discount: "10%", quantity, remaining: quantity, validUntil: new Date(Date.now() + 86_400_000) },
      });
    }
    await this.owner.api.poll.open.mutate({ pollId: poll.id });
    return { pollId: poll.id, optionIds: poll.options.map((o) => o.id) };
  }

  /** The signed-in owner's browser, for reads (results) that need no voter. */
  get browser(): Browser {
    return this.owner;
  }

  async close(): Promise<void> {
    await this.db?.$disconnect();
  }
}
