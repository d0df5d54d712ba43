import type { SocketLimits } from "../limits/socketLimits";
import type { SocketRefusal } from "../metrics/socketLimits";

/** One count a live socket or subscription is held against, its bound, and the refusal a full one is counted as. */
export type Budget = { key: string; limit: number; refusal: SocketRefusal };

/**
 * Whom a live socket belongs to, for its bounds (docs/adr/0019): a diner with a valid voter cookie is held to the
 * per-voter bounds, and all voters behind one address together to a much higher ceiling (a restaurant's diners
 * share one Wi-Fi address); a socket without a voter identity (a TV, an owner's page, a script) to the per-address
 * bounds of issue 13.
 */
export function liveBudgets(limits: SocketLimits, address: string, voterId: string | null) {
  if (voterId === null) {
    return {
      sockets: [{ key: `a:${address}`, limit: limits.socketsPerAddress, refusal: "sockets_per_address" }] as Budget[],
      subscriptions: [{ key: `a:${address}`, limit: limits.subscriptionsPerAddress, refusal: "subscriptions_per_address" }] as Budget[],
    };
  }
  return {
    sockets: [
      { key: `v:${voterId}`, limit: limits.socketsPerVoter, refusal: "sockets_per_voter" },
      { key: `va:${address}`, limit: limits.voterSocketsPerAddress, refusal: "voter_sockets_per_address" },
    ] as Budget[],
    subscriptions: [
      { key: `v:${voterId}`, limit: limits.subscriptionsPerVoter, refusal: "subscriptions_per_voter" },
      { key: `va:${address}`, limit: limits.voterSubscriptionsPerAddress, refusal: "voter_subscriptions_per_address" },
    ] as Budget[],
  };
}

/** Counts held against budgets: all of a thing's budgets are taken together, or none. */
export class BudgetCounts {
  private readonly counts = new Map<string, number>();

  /** Takes one of each budget: null on success, else the first budget that was full (nothing taken). */
  take(budgets: readonly Budget[]): Budget | null {
    const full = budgets.find((b) => (this.counts.get(b.key) ?? 0) >= b.limit);
    if (full) return full;
    for (const b of budgets) this.counts.set(b.key, (this.counts.get(b.key) ?? 0) + 1);
    return null;
  }

  release(budgets: readonly Budget[]): void {
    for (const b of budgets) {
      const left = (this.counts.get(b.key) ?? 0) - 1;
      if (left > 0) this.counts.set(b.key, left);
      else this.counts.delete(b.key);
    }
  }
}
