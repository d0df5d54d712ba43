/**
 * A progressive delay on an account's sign-ins after failed ones, from any address: after `freeFailures` wrong
 * passwords within `windowMs`, each further attempt is answered only after `baseMs`, doubling per failure up to
 * `maxMs`. A delay, never a refusal: whoever holds the right password always gets in, at worst `maxMs` later,
 * however many addresses guess (the per-address-and-account limit stops each guessing address). Kept per process:
 * with several processes an attacker spreads the count, which makes each delay shorter, never a lockout.
 */
export class SignInDelays {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();

  constructor(private readonly options = { freeFailures: 5, baseMs: 250, maxMs: 5_000, windowMs: 15 * 60_000, maxAccounts: 100_000 }) {}

  delayMs(account: string, now = Date.now()): number {
    const failures = this.current(account, now);
    if (failures <= this.options.freeFailures) return 0;
    return Math.min(this.options.maxMs, this.options.baseMs * 2 ** (failures - this.options.freeFailures - 1));
  }

  failed(account: string, now = Date.now()): void {
    if (this.failures.size >= this.options.maxAccounts) this.failures.clear(); // a flood of made-up accounts forgets, not grows
    this.failures.set(account, { count: this.current(account, now) + 1, lastAt: now });
  }

  succeeded(account: string): void {
    this.failures.delete(account);
  }

  private current(account: string, now: number): number {
    const entry = this.failures.get(account);
    if (!entry) return 0;
    if (now - entry.lastAt > this.options.windowMs) {
      this.failures.delete(account);
      return 0;
    }
    return entry.count;
  }
}
