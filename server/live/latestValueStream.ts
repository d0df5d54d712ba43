const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/**
 * An async iterable that holds only the newest value: a slow consumer skips straight to the latest instead of
 * queueing every intermediate one. Ends when the signal aborts, or on `end()`. Its own iterator, not an async
 * generator: a diner's phone holds one for as long as it watches, so what each one keeps alive counts (ADR 0031).
 */
export class LatestValueStream<T> implements AsyncIterable<T>, AsyncIterator<T, undefined> {
  private pending: { value: T } | null = null;
  private wake: ((result: IteratorResult<T, undefined>) => void) | null = null;
  private ended = false;
  private sink: ((value: T) => void) | null = null;

  constructor(signal?: AbortSignal) {
    if (signal?.aborted) this.ended = true;
    else signal?.addEventListener("abort", () => this.end(), { once: true });
  }

  push(value: T): void {
    if (this.ended) return;
    const wake = this.wake;
    if (!wake) {
      this.pending = { value };
      return;
    }
    if (this.sink) return this.sink(value);
    this.wake = null;
    wake({ value, done: false });
  }

  /**
   * From now on a value that finds the consumer waiting goes to `sink` instead, and the consumer waits on until the
   * stream ends. Only then: a value the consumer has not taken yet is still its to send, so nothing sent through
   * the sink can overtake it (live/directDelivery.ts).
   */
  divert(sink: (value: T) => void): void {
    this.sink = sink;
  }

  end(): void {
    this.ended = true;
    this.pending = null;
    const wake = this.wake;
    this.wake = null;
    wake?.(DONE);
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.ended) return Promise.resolve(DONE);
    const pending = this.pending;
    if (!pending) return new Promise((resolve) => (this.wake = resolve));
    this.pending = null;
    return Promise.resolve({ value: pending.value, done: false });
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.end();
    return Promise.resolve(DONE);
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    return this;
  }
}
