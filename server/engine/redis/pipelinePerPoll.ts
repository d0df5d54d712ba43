import type { ChainableCommander } from "ioredis";
import { isCluster, type RedisClient } from "../../infra/redis/redisClient";

export type PipelineReplies = [Error | null, unknown][];

/**
 * Commands about several polls in as few round trips as Redis allows: one pipeline on one server; on a cluster,
 * where a pipeline must stay within one slot, one pipeline per poll (a poll's keys share one hash tag, so one
 * slot), sent together. `add` queues one poll's commands; the replies come back per poll, in `pollIds` order.
 */
export async function pipelinePerPoll(
  redis: RedisClient,
  pollIds: readonly string[],
  add: (pipeline: ChainableCommander, pollId: string) => void,
): Promise<PipelineReplies[]> {
  if (isCluster(redis)) {
    return Promise.all(
      pollIds.map(async (pollId) => {
        const pipeline = redis.pipeline();
        add(pipeline, pollId);
        return (await pipeline.exec()) ?? [];
      }),
    );
  }
  const pipeline = redis.pipeline();
  const sizes = pollIds.map((pollId) => {
    const before = pipeline.length;
    add(pipeline, pollId);
    return pipeline.length - before;
  });
  const replies = (await pipeline.exec()) ?? [];
  let at = 0;
  return sizes.map((size) => replies.slice(at, (at += size)));
}
