/**
 * Runs `action` at once when it has not run for `intervalMs`, otherwise once at the end of the interval:
 * a burst of triggers costs at most one run per interval, and a lone trigger is never delayed.
 */
export class LeadingEdgeThrottle {
  private lastRunAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly action: () => void,
  ) {}

  trigger(): void {
    if (this.timer) return;
    const wait = this.lastRunAt + this.intervalMs - performance.now();
    if (wait <= 0) return this.run();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.lastRunAt = performance.now();
    this.action();
  }
}
