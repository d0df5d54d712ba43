import { beforeAll, describe, expect, it } from "vitest";
import { issueVoterId, signVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";
import { RawSocket, upgradeStatus } from "./support/rawSocket";

const limits = {
  socketsPerAddress: 3,
  subscriptionsPerSocket: 2,
  subscriptionsPerAddress: 3,
  socketsPerVoter: 2,
  subscriptionsPerVoter: 3,
  voterSocketsPerAddress: 5,
  voterSubscriptionsPerAddress: 6,
  callsPerFrame: 3,
  frameBytes: 2_048,
  bufferedBytesPerSocket: 64 * 1024,
};

/**
 * Issue 13, item 1: one anonymous client cannot make the server hold memory for it. Sockets per address,
 * subscriptions per socket, calls per frame, frame size and unsent bytes per socket are bounded, subscriptions
 * over HTTP (server-sent events) are refused, and every refusal is counted in /metrics.
 */
describe("item 1: the live channel's bounds", () => {
  const app = useTestApp("postgres", { socketLimits: limits });
  let pollId: string;
  beforeAll(async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    pollId = (await createOpenPoll(owner)).id;
  });
  const refusals = async (reason: string) =>
    Number((await (await fetch(`${app.url}/metrics`)).text()).match(new RegExp(`tableside_socket_refusals_total\\{reason="${reason}"\\} (\\d+)`))?.[1] ?? 0);

  it("accepts so many sockets per address, then answers 429; another address is unaffected", async () => {
    const held = await Promise.all([1, 2, 3].map(() => RawSocket.open(app.url)));
    expect(await upgradeStatus(app.url)).toBe(429);
    const elsewhere = await RawSocket.open(app.url, {}, "/api/trpc", "127.0.0.2");
    held[0].close();
    await new Promise((r) => setTimeout(r, 100));
    expect(await upgradeStatus(app.url)).toBe(101); // a closed socket gives its place back
    for (const socket of [...held, elsewhere]) socket.close();
    expect(await refusals("sockets_per_address")).toBe(1);
  });

  it("holds so many subscriptions per socket and per address, and frees a place when one stops", async () => {
    const socket = await RawSocket.open(app.url);
    const started = (id: number) => socket.answer(id, (f) => f.result?.type === "data");
    const [a, b] = [socket.call("subscription", "poll.onResults", { pollId }), socket.call("subscription", "poll.onResults", { pollId })];
    await Promise.all([started(a), started(b)]);
    const third = await socket.answer(socket.call("subscription", "poll.onResults", { pollId }), (f) => Boolean(f.error));
    expect(third.error?.data?.code).toBe("TOO_MANY_REQUESTS");
    const other = await RawSocket.open(app.url);
    const c = other.call("subscription", "poll.onResults", { pollId });
    await other.answer(c, (f) => f.result?.type === "data");
    const overAddress = await other.answer(other.call("subscription", "poll.onResults", { pollId }), (f) => Boolean(f.error));
    expect(overAddress.error?.message).toContain("from this client");
    socket.stop(a);
    await socket.answer(a, (f) => f.result?.type === "stopped");
    await started(socket.call("subscription", "poll.onResults", { pollId }));
    socket.close();
    other.close();
    expect(await refusals("subscriptions_per_socket")).toBe(1);
    expect(await refusals("subscriptions_per_address")).toBe(1);
  });

  it("holds diners with a voter cookie per voter, under a higher ceiling for their address than anonymous sockets get", async () => {
    const voterCookie = () => ({ cookie: `${VOTER_COOKIE}=${signVoterId(issueVoterId(), app.services.sessionSecret)}` });
    await new Promise((r) => setTimeout(r, 200)); // the sockets of the tests before have given their places back
    const anonymous = await Promise.all([1, 2, 3].map(() => RawSocket.open(app.url)));
    expect(await upgradeStatus(app.url)).toBe(429); // the anonymous bound of the address is full
    // Three diners on the same Wi-Fi address: their sockets are theirs, not the address's anonymous share.
    const [ana, ben, cho] = [voterCookie(), voterCookie(), voterCookie()];
    const held = await Promise.all([ana, ana, ben, ben].map((headers) => RawSocket.open(app.url, headers)));
    expect(await upgradeStatus(app.url, ana)).toBe(429); // one voter: 2 sockets
    held.push(await RawSocket.open(app.url, cho));
    expect(await upgradeStatus(app.url, cho)).toBe(429); // all voters of the address: 5 sockets
    expect(await upgradeStatus(app.url, voterCookie())).toBe(429);
    const forged = { cookie: `${VOTER_COOKIE}=${signVoterId(issueVoterId(), "not the server's secret, at all")}` };
    expect(await upgradeStatus(app.url, forged)).toBe(429); // a cookie that does not verify is anonymous
    // Subscriptions: one voter holds 3 over its sockets (2 per socket).
    const [first, second] = [held[0], held[1]];
    for (const [socket, id] of [[first, first.call("subscription", "poll.onResults", { pollId })], [first, first.call("subscription", "poll.onResults", { pollId })], [second, second.call("subscription", "poll.onResults", { pollId })]] as const) {
      await socket.answer(id, (f) => f.result?.type === "data");
    }
    const overVoter = await second.answer(second.call("subscription", "poll.onResults", { pollId }), (f) => Boolean(f.error));
    expect(overVoter.error?.data?.code).toBe("TOO_MANY_REQUESTS");
    for (const socket of [...anonymous, ...held]) socket.close();
    expect(await refusals("sockets_per_voter")).toBe(1);
    expect(await refusals("voter_sockets_per_address")).toBe(2);
    expect(await refusals("subscriptions_per_voter")).toBe(1);
  });

  it("refuses a batch of more calls than allowed, whole, and closes a socket sending too large a frame", async () => {
    const socket = await RawSocket.open(app.url);
    const batch = [1, 2, 3, 4].map((id) => ({ id, method: "query", params: { path: "poll.get", input: { pollId } } }));
    socket.ws.send(JSON.stringify(batch));
    const refused = await socket.answer(null, (f) => Boolean(f.error));
    expect(refused.error?.message).toContain("at most 3 calls per frame");
    socket.ws.send(JSON.stringify(batch.slice(0, 3)));
    await socket.answer(3, (f) => f.result?.type === "data");
    expect(socket.frames.filter((f) => f.result).length).toBe(3);
    socket.ws.send(JSON.stringify({ id: 9, method: "query", params: { path: "poll.get", input: { pollId: "x".repeat(3_000) } } }));
    expect(await socket.closed()).toBe(1009);
    expect(await refusals("calls_per_frame")).toBe(1);
    expect(await refusals("frame_bytes")).toBe(1);
  });

  it("drops a client that stops reading instead of buffering for it", async () => {
    const socket = await RawSocket.open(app.url);
    (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const frame = JSON.stringify([1, 2, 3].map((id) => ({ id, method: "query", params: { path: "poll.get", input: { pollId } } })));
    for (let i = 0; i < 6_000 && socket.closeCode === null && (await refusals("buffered_bytes")) === 0; i++) {
      for (let j = 0; j < 20; j++) socket.ws.send(frame);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await refusals("buffered_bytes")).toBe(1);
    socket.close();
  });

  it("refuses subscriptions over HTTP (server-sent events)", async () => {
    const input = encodeURIComponent(JSON.stringify({ pollId }));
    const response = await fetch(`${app.url}/api/trpc/poll.onResults?input=${input}`, { headers: { accept: "text/event-stream" } });
    expect(response.status).toBe(405);
    await response.body?.cancel();
  });
});
