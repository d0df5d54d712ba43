type Waiter<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Batches concurrent writes: an item waits only while earlier batches are in flight, then goes out with
 * everything that queued up behind them. A lone write is sent at once; under load, batches grow by themselves,
 * so the cost per item falls as the rate rises. `write` returns one result per item, in order.
 */
export class GroupCommit<T, R> {
  private queue: Waiter<T, R>[] = [];
  private inFlight = 0;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxInFlight = 4,
    private readonly maxBatch = 500,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once everything submitted so far has been written (or failed). */
  async drained(): Promise<void> {
    while (this.inFlight > 0 || this.queue.length > 0) await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      this.write(batch.map((w) => w.item))
        .then(
          (results) => batch.forEach((w, i) => w.resolve(results[i])),
          (error) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
          if (this.inFlight > 0 || this.queue.length > 0) return;
          for (const wake of this.idle) wake();
          this.idle.clear();
        });
    }
  }
}
