import type { Redis } from "ioredis";

/** Redis's own CPU time so far, ms (INFO cpu), for the cost of a path on the Redis side. */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? NaN);
  return (field("used_cpu_user") + field("used_cpu_sys")) * 1000;
}
