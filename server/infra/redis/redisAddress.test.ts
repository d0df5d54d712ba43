import { describe, expect, it } from "vitest";
import { readEnv } from "../../env";
import { parseRedisAddress } from "./redisAddress";

describe("REDIS_URL forms", () => {
  it("keeps a one-server URL as it is", () => {
    expect(parseRedisAddress("rediss://:secret@cache.example.com:6380/2")).toEqual({ kind: "single", url: "rediss://:secret@cache.example.com:6380/2" });
  });

  it("reads a cluster's nodes, credentials and TLS", () => {
    expect(parseRedisAddress("rediss+cluster://app:p%40ss@10.0.0.1:7000,10.0.0.2:7001,[::1]:7002,redis-3")).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 7001 },
        { host: "::1", port: 7002 },
        { host: "redis-3", port: 6379 },
      ],
      username: "app",
      password: "p@ss",
      tls: true,
    });
  });

  it("reads sentinels, the primary's name, the database and the sentinels' own password", () => {
    expect(parseRedisAddress("redis+sentinel://:secret@s1:26379,s2:26380/mymaster/3?sentinelPassword=watch")).toEqual({
      kind: "sentinel",
      sentinels: [
        { host: "s1", port: 26379 },
        { host: "s2", port: 26380 },
      ],
      name: "mymaster",
      db: 3,
      sentinelPassword: "watch",
      username: undefined,
      password: "secret",
      tls: false,
    });
  });

  it("refuses what it cannot read, saying why, and the server refuses to start on it", () => {
    expect(() => parseRedisAddress("memcached://x:1")).toThrow(/must start with redis:\/\//);
    expect(() => parseRedisAddress("redis+sentinel://s1:26379")).toThrow(/needs the primary's name/);
    expect(() => parseRedisAddress("redis+cluster://h1:7000/2")).toThrow(/no databases/);
    expect(() => parseRedisAddress("redis+cluster://h1:99999")).toThrow(/out of range/);
    expect(() => parseRedisAddress("redis+cluster://h1:x")).toThrow(/not host:port/);
    expect(() => readEnv({ REDIS_URL: "redis+sentinel://s1:26379" })).toThrow(/REDIS_URL: redis\+sentinel:\/\/ needs the primary's name/);
    expect(readEnv({ REDIS_URL: "redis+cluster://127.0.0.1:7000,127.0.0.1:7001" }).REDIS_URL).toBe("redis+cluster://127.0.0.1:7000,127.0.0.1:7001");
  });
});
