import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { type ServerProcess, startServerProcess } from "../../test/support/serverProcess";
import { MemoryRateLimiter, RedisRateLimiter } from "./rateLimiter";
import { UNLIMITED } from "./rules";
import { testStores } from "../../test/support/workerStores";

/** A loopback address of its own per test, so counters never meet other tests' traffic. */
const freshAddress = () => `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

describe("rate limiter on Redis", () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testStores().redisUrl);
  });
  afterAll(() => redis.quit());

  it("decides exactly like the in-process counter across a window boundary", async () => {
    const rule = { limit: 10, windowMs: 10_000 };
    const shared = new RedisRateLimiter(redis, new MemoryRateLimiter(), (e) => {
      throw e;
    });
    const local = new MemoryRateLimiter();
    const key = `boundary-${Math.random()}`;
    const windowStart = Math.ceil(Date.now() / rule.windowMs) * rule.windowMs;
    // 12 requests 90 % into one window, then 12 at each of 0 %, 30 % and 60 % into the next.
    const moments = [9_000, 10_000, 13_000, 16_000].flatMap((t) => Array<number>(12).fill(windowStart + t));
    const decisions: boolean[] = [];
    for (const now of moments) {
      const [a, b] = [await shared.consume(key, rule, now), await local.consume(key, rule, now)];
      expect(a).toEqual(b);
      decisions.push(a.allowed);
    }
    const admittedAt = (i: number) => decisions.slice(i * 12, i * 12 + 12).filter(Boolean).length;
    // Window 1: 10. Next window at 0 %: 10 still weigh, none. At 30 %: 7 weigh, 3 fit. At 60 %: 4+3 weigh, 3 fit.
    expect([0, 1, 2, 3].map(admittedAt)).toEqual([10, 0, 3, 3]);
  });
});

describe("rate limits through the API, shared by two server processes", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    const env = {
      RATE_LIMITS: JSON.stringify({
        ...UNLIMITED,
        votesPerIp: { limit: 20, windowMs: 3_600_000 },
        signInsPerIpPerAccount: { limit: 5, windowMs: 3_600_000 },
        newVotersPerIpPerPoll: { limit: 8, windowMs: 3_600_000 },
      }),
    };
    [a, b] = await Promise.all([startServerProcess("redis", { env }), startServerProcess("redis", { env })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("admits 20 votes per address across both servers, counts none of the refused, and says when to retry", async () => {
    const owner = a.browser(freshAddress());
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const address = freshAddress();
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      // Returning diners (identity already issued) on one shared Wi-Fi address, alternating servers.
      const diner = (i % 2 ? a : b).browser(address);
      diner.cookies.set("ts_voter", await signedVoter());
      outcomes.push(await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] }).then(
        (r) => r.status,
        (e: { data?: { code?: string; retryAfterSeconds?: number } }) => {
          expect(e.data?.retryAfterSeconds).toBeGreaterThan(0);
          return e.data?.code ?? "?";
        },
      ));
    }
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(20);
    expect(outcomes.filter((o) => o === "TOO_MANY_REQUESTS")).toHaveLength(10);
    expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(20);
    // Another address in the same restaurant is not affected.
    expect((await a.browser(freshAddress()).api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] })).status).toBe("accepted");
  });

  it("limits new voter identities per address and poll: clearing cookies does not mint votes", async () => {
    const owner = a.browser(freshAddress());
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    const address = freshAddress();
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const cookieless = (i % 2 ? a : b).browser(address);
      codes.push(await cookieless.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] }).then((r) => r.status, (e) => e.data.code));
    }
    expect(codes.slice(0, 8).every((c) => c === "accepted")).toBe(true);
    expect(codes.slice(8).every((c) => c === "TOO_MANY_REQUESTS")).toBe(true);
    expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(8);
  });

  it("stops one address guessing an account's password after 5 tries, and never the owner elsewhere", async () => {
    const owner = await signUpOwner(a.browser(freshAddress()));
    const guesser = freshAddress();
    for (let i = 0; i < 5; i++) {
      expect(await errorCodeOf((i % 2 ? a : b).browser(guesser).api.auth.signIn.mutate({ email: owner.email, password: `guess ${i}` }))).toBe("UNAUTHORIZED");
    }
    expect(await errorCodeOf(a.browser(guesser).api.auth.signIn.mutate({ email: owner.email, password: "a long enough password" }))).toBe("TOO_MANY_REQUESTS");
    expect((await a.browser(freshAddress()).api.auth.signIn.mutate({ email: owner.email, password: "a long enough password" })).id).toBe(owner.id);
  });
});

async function signedVoter() {
  const { issueVoterId, signVoterId } = await import("../domain/voters/voterCookie");
  const { TEST_SESSION_SECRET } = await import("../../test/support/serverProcess");
  return signVoterId(issueVoterId(), TEST_SESSION_SECRET);
}
