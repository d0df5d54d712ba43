import type { IncomingMessage } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { issueVoterId, signVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import { readEnv } from "../../server/env";
import { UNLIMITED } from "../../server/limits/rules";
import { addressKey, clientIp, trustedProxies } from "../../server/trpc/clientIp";
import type { Browser } from "../support/browser";
import { errorCodeOf } from "../support/errors";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";

/**
 * Issue 13, item 2: voter identities cannot be minted. A cookie is issued only by a request naming a poll that
 * takes votes; new identities are capped per address across polls too; a cookie carries its issue time and is
 * honoured for VOTER_COOKIE_MAX_AGE_DAYS; X-Forwarded-For counts only from listed proxies; IPv6 counts per /64.
 */
describe("item 2: voter identities", () => {
  const app = useTestApp("postgres", { limits: { ...UNLIMITED, newVotersPerIp: { limit: 3, windowMs: 600_000 } }, services: { voterCookieMaxAgeDays: 30 } });
  let owner: Browser;
  let polls: { id: string; options: { id: string }[] }[];
  beforeAll(async () => {
    owner = app.browser();
    await signUpOwner(owner);
    polls = [await createOpenPoll(owner), await createOpenPoll(owner)];
  });
  const vote = (diner: Browser, poll: { id: string; options: { id: string }[] }) => diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });

  it("issues no cookie to a request naming a made-up poll, a draft or a closed poll", async () => {
    const diner = app.browser("127.0.0.11");
    expect(await errorCodeOf(diner.api.vote.cast.mutate({ pollId: "made-up-poll-id", optionIds: ["x"] }))).toBe("NOT_FOUND");
    const draft = await owner.api.poll.create.mutate({ question: "Draft?", options: [{ label: "A" }, { label: "B" }] });
    expect(await errorCodeOf(diner.api.vote.cast.mutate({ pollId: draft.id, optionIds: [draft.options[0].id] }))).toBe("PRECONDITION_FAILED");
    expect(diner.cookies.has(VOTER_COOKIE)).toBe(false);
  });

  it("caps new identities per address across polls, not only per poll", async () => {
    const from = "127.0.0.12";
    const outcomes: string[] = [];
    for (const poll of [polls[0], polls[1], polls[0], polls[1]]) {
      outcomes.push(await vote(app.browser(from), poll).then((v) => v.status, (e) => e.data?.code));
    }
    expect(outcomes).toEqual(["accepted", "accepted", "accepted", "TOO_MANY_REQUESTS"]);
    expect((await vote(app.browser("127.0.0.13"), polls[1])).status).toBe("accepted");
  });

  it("honours a cookie for the maximum age only, and refuses the old unsigned-time format", async () => {
    const voterId = issueVoterId();
    const fresh = app.browser("127.0.0.14");
    fresh.cookies.set(VOTER_COOKIE, signVoterId(voterId, app.services.sessionSecret, Date.now() - 29 * 86_400_000));
    expect((await vote(fresh, polls[0])).status).toBe("accepted");
    const stale = app.browser("127.0.0.15");
    stale.cookies.set(VOTER_COOKIE, signVoterId(voterId, app.services.sessionSecret, Date.now() - 31 * 86_400_000));
    expect((await vote(stale, polls[0])).status).toBe("accepted"); // a new identity: the old one is not honoured
    expect(stale.cookies.get(VOTER_COOKIE)?.split(".")[0]).not.toBe(voterId);
    const again = app.browser("127.0.0.15");
    again.cookies.set(VOTER_COOKIE, signVoterId(voterId, app.services.sessionSecret, Date.now() - 28 * 86_400_000));
    expect((await vote(again, polls[0])).status).toBe("already_voted");
    const legacy = app.browser("127.0.0.16");
    legacy.cookies.set(VOTER_COOKIE, `${voterId}.AAAAAAAAAAAAAAAAAAAAAA`);
    expect(await errorCodeOf(vote(legacy, polls[0]))).toBe("UNAUTHORIZED");
  });

  it("believes X-Forwarded-For only from listed proxies, refuses TRUST_PROXY=true, and keys IPv6 per /64", () => {
    const request = (peer: string, forwarded: string) => ({ socket: { remoteAddress: peer }, headers: { "x-forwarded-for": forwarded } }) as unknown as IncomingMessage;
    const trust = trustedProxies("10.0.0.0/8, 127.0.0.1");
    expect(clientIp(request("10.1.2.3", "203.0.113.7"), trust)).toBe("203.0.113.7");
    expect(clientIp(request("10.1.2.3", "198.51.100.1, 203.0.113.7"), trust)).toBe("203.0.113.7"); // the client wrote the first
    expect(clientIp(request("198.51.100.9", "203.0.113.7"), trust)).toBe("198.51.100.9"); // not a proxy: not believed
    expect(clientIp(request("10.1.2.3", "203.0.113.7"), trustedProxies(undefined))).toBe("10.1.2.3");
    expect(() => readEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() => readEnv({ TRUST_PROXY: "not-an-address" })).toThrow(/TRUST_PROXY/);
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:db8:1:2:ffff:1:2:3"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });
});
