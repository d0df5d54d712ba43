import { pingEverySlot, type RedisClient } from "../../infra/redis/redisClient";

export type RedisHealthOptions = {
  /** A PING goes out this often, whether or not earlier ones were answered (a hung Redis answers none). */
  intervalMs?: number;
  /** A PING answered later than this (or not at all) is a miss. */
  deadlineMs?: number;
  /** Consecutive misses that mark Redis down. */
  missesToTrip?: number;
  /** Once down, PINGs must all be answered in time for this long before Redis counts as healthy again. */
  sustainMs?: number;
};

export type RedisHealthState = "healthy" | "recovering" | "down";

/**
 * Whether Redis answers, from real round trips: a TCP connection to a stopped (SIGSTOP) or black-holed Redis stays
 * open and accepts writes, so only a reply within a deadline counts. PINGs overlap, so a hang is seen within about
 * `deadlineMs + intervalMs` (misses in a row), not after a queue of timeouts. Coming back needs `sustainMs` of
 * answers in time, with no miss: a Redis that answers a moment and then hangs again does not pull votes back and
 * forth (docs/adr/0017-hung-redis.md).
 */
export class RedisHealth {
  private state: RedisHealthState = "healthy";
  private misses = 0;
  private goodSince: number | null = null;
  private sent = 0;
  private lastMissSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(state: RedisHealthState) => void>();
  private readonly options: Required<RedisHealthOptions>;

  constructor(
    private readonly redis: RedisClient,
    options: RedisHealthOptions = {},
  ) {
    this.options = { intervalMs: 250, deadlineMs: 750, missesToTrip: 2, sustainMs: 3_000, ...options };
  }

  start(): this {
    this.timer ??= setInterval(() => this.probe(), this.options.intervalMs).unref();
    this.probe();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Healthy: votes may go to Redis. Recovering: answering in time, but not yet for `sustainMs`. */
  get current(): RedisHealthState {
    return this.state;
  }

  get healthy(): boolean {
    return this.state === "healthy";
  }

  /**
   * Answered in time, with no miss, for at least `sustainMs`: what moving votes back to Redis waits for. (A process
   * starting up is healthy from the first moment, so its votes go to Redis, but not yet sustained.)
   */
  get sustained(): boolean {
    return this.goodSince !== null && Date.now() - this.goodSince >= this.options.sustainMs;
  }

  /** Called on every change of state. */
  onChange(listener: (state: RedisHealthState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A command of the caller's met an outage (a timeout, a lost connection): as good as a miss, and at once down. */
  reportOutage(): void {
    this.misses = this.options.missesToTrip;
    this.goodSince = null;
    this.set("down");
  }

  private probe(): void {
    const sentAt = Date.now();
    const seq = ++this.sent;
    let settled = false;
    const deadline = setTimeout(() => {
      settled = true;
      this.miss();
    }, this.options.deadlineMs);
    pingEverySlot(this.redis).then( // on a cluster: the master of every slot
      () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        this.answered(sentAt, seq);
      },
      () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        this.miss();
      },
    );
  }

  private answered(sentAt: number, seq: number): void {
    this.misses = 0;
    // Only a PING sent after the last miss starts the run of good answers (older ones were queued behind the hang).
    if (this.goodSince === null && seq > this.lastMissSeq) this.goodSince = sentAt;
    if (this.state !== "healthy") this.set(this.sustained ? "healthy" : "recovering");
  }

  private miss(): void {
    this.lastMissSeq = this.sent;
    this.goodSince = null;
    this.misses++;
    if (this.state === "healthy" && this.misses < this.options.missesToTrip) return;
    this.set("down");
  }

  private set(state: RedisHealthState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
