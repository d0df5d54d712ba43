import { readFileSync } from "node:fs";
import type { RedisClient } from "../infra/redis/redisClient";
import { type Decision, decide, type Rule, windowOf } from "./slidingWindow";

export interface RateLimiter {
  /** Counts one request against `key` under `rule`, unless it would exceed the limit. */
  consume(key: string, rule: Rule, nowMs?: number): Promise<Decision>;
}

/**
 * Shared by every server process: the counters live in Redis and one script checks and counts atomically. While
 * Redis is known to be down (`redisAnswers` false: its health probe misses), requests count in this process at
 * once instead of each waiting for a command's deadline first.
 */
export class RedisRateLimiter implements RateLimiter {
  private static readonly script = readFileSync(new URL("./slidingWindow.lua", import.meta.url), "utf8");

  constructor(
    private readonly redis: RedisClient,
    private readonly fallback: RateLimiter,
    private readonly onError: (error: unknown) => void,
    private readonly redisAnswers: () => boolean = () => true,
  ) {
    redis.defineCommand("slidingWindow", { numberOfKeys: 2, lua: RedisRateLimiter.script });
  }

  async consume(key: string, rule: Rule, nowMs = Date.now()): Promise<Decision> {
    if (!this.redisAnswers()) return this.fallback.consume(key, rule, nowMs);
    const { index, elapsedFraction } = windowOf(nowMs, rule.windowMs);
    const tag = `{rl:${key}}`;
    try {
      const [allowed, previous, current] = (await (this.redis as RedisClient & { slidingWindow: (...args: (string | number)[]) => Promise<number[]> }).slidingWindow(
        `${tag}:${index}`,
        `${tag}:${index - 1}`,
        rule.limit,
        rule.windowMs,
        elapsedFraction,
        1,
      )) as [number, number, number];
      return allowed === 1 ? { allowed: true } : decide({ previous, current, elapsedFraction }, rule);
    } catch (error) {
      // Redis trouble must not take voting down with it: count in this process until it is back.
      this.onError(error);
      return this.fallback.consume(key, rule, nowMs);
    }
  }
}

/** One process's own counters: the limiter when there is no Redis, and the fallback when Redis fails. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counters = new Map<string, { index: number; current: number; previous: number }>();

  async consume(key: string, rule: Rule, nowMs = Date.now()): Promise<Decision> {
    const { index, elapsedFraction } = windowOf(nowMs, rule.windowMs);
    const counter = this.roll(`${key}/${rule.windowMs}`, index);
    const decision = decide({ previous: counter.previous, current: counter.current, elapsedFraction }, rule);
    if (decision.allowed) counter.current++;
    return decision;
  }

  private roll(id: string, index: number) {
    let counter = this.counters.get(id);
    if (!counter) {
      if (this.counters.size > 100_000) this.sweep(index);
      counter = { index, current: 0, previous: 0 };
      this.counters.set(id, counter);
    } else if (counter.index !== index) {
      counter.previous = counter.index === index - 1 ? counter.current : 0;
      counter.current = 0;
      counter.index = index;
    }
    return counter;
  }

  private sweep(index: number) {
    for (const [id, counter] of this.counters) if (counter.index < index - 1) this.counters.delete(id);
  }
}
