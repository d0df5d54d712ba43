/**
 * An async iterable that holds only the newest value: a slow consumer skips straight to the latest instead of
 * queueing every intermediate one. Ends when the signal aborts.
 */
export class LatestValueStream<T> implements AsyncIterable<T> {
  private pending: { value: T } | null = null;
  private wake: (() => void) | null = null;
  private ended = false;

  constructor(signal?: AbortSignal) {
    if (signal?.aborted) this.ended = true;
    else signal?.addEventListener("abort", () => this.end(), { once: true });
  }

  push(value: T): void {
    this.pending = { value };
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    while (!this.ended) {
      if (!this.pending) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const { value } = this.pending;
      this.pending = null;
      yield value;
    }
  }
}
