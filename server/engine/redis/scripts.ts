import { readFileSync } from "node:fs";
import type { RedisClient } from "../../infra/redis/redisClient";

const lua = (name: string) => readFileSync(new URL(`./${name}.lua`, import.meta.url), "utf8");
const limiterLua = readFileSync(new URL("../../limits/slidingWindow.lua", import.meta.url), "utf8");

export type CastVoteReply =
  | [outcome: string, couponCode?: string | null, tally?: string[], streamEntryId?: string, revision?: number, firstCastMs?: string]
  | [outcome: "rate_limited", previous: number, current: number];

/** The engine's Redis connection with its Lua scripts defined as commands (EVALSHA, falling back to EVAL). */
export type ScriptedRedis = RedisClient & {
  castVote(meta: string, voters: string, tally: string, ballots: string, winners: string, limitNow: string, limitPrevious: string, held: string, ...argv: string[]): Promise<CastVoteReply>;
  finishRebuild(meta: string, ...argv: string[]): Promise<number>;
  setSchedule(meta: string, voters: string, tally: string, winners: string, ...argv: string[]): Promise<number>;
};

declare module "ioredis" {
  interface ChainableCommander {
    /** The rate limiter's script (server/limits/slidingWindow.lua) on the vote limit's keys, in a pipeline. */
    slidingWindow(current: string, previous: string, ...argv: string[]): ChainableCommander;
  }
}

export function defineScripts(redis: RedisClient): ScriptedRedis {
  redis.defineCommand("castVote", { numberOfKeys: 8, lua: lua("castVote") });
  redis.defineCommand("finishRebuild", { numberOfKeys: 1, lua: lua("finishRebuild") });
  redis.defineCommand("setSchedule", { numberOfKeys: 4, lua: lua("setSchedule") });
  // Also defined by the rate limiter on a shared connection: the same script, so the same SHA.
  redis.defineCommand("slidingWindow", { numberOfKeys: 2, lua: limiterLua });
  return redis as ScriptedRedis;
}
