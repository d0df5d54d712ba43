import { readFileSync } from "node:fs";
import type { RedisClient } from "../../infra/redis/redisClient";

const lua = (name: string) => readFileSync(new URL(`./${name}.lua`, import.meta.url), "utf8");

export type CastVoteReply = [outcome: string, couponCode?: string | null, tally?: string[], streamEntryId?: string, revision?: number, firstCastMs?: string];

/** The engine's Redis connection with its Lua scripts defined as commands (EVALSHA, falling back to EVAL). */
export type ScriptedRedis = RedisClient & {
  castVote(meta: string, voters: string, tally: string, ballots: string, winners: string, held: string, ...argv: string[]): Promise<CastVoteReply>;
  finishRebuild(meta: string, ...argv: string[]): Promise<number>;
  setSchedule(meta: string, voters: string, tally: string, winners: string, ...argv: string[]): Promise<number>;
};

export function defineScripts(redis: RedisClient): ScriptedRedis {
  redis.defineCommand("castVote", { numberOfKeys: 6, lua: lua("castVote") });
  redis.defineCommand("finishRebuild", { numberOfKeys: 1, lua: lua("finishRebuild") });
  redis.defineCommand("setSchedule", { numberOfKeys: 4, lua: lua("setSchedule") });
  return redis as ScriptedRedis;
}
