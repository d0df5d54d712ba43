import { describe, expect, it } from "vitest";
import { RawSocket, type Frame } from "../../test/abuse/support/rawSocket";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

type Update = { status: string; results: { total: number; seq: number } | null };

/** The shape of a frame, keys in order at every level, values left out. */
const shapeOf = (value: unknown): unknown =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [k, k === "counts" ? "…" : shapeOf(v)]) : typeof value;

/*
 * Live updates after a subscription's first are written by the socket's encoder, past tRPC (docs/adr/0035): they
 * must be the frames tRPC would send, for the right subscription, and stop with it.
 */
describe("live updates delivered directly", () => {
  const app = useTestApp("redis");

  it("frames every update as tRPC frames the first, for its own subscription, and sends none after a stop", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const [a, b] = [await createOpenPoll(owner), await createOpenPoll(owner)];
    const socket = await RawSocket.open(app.url);
    const subscribe = (id: number, pollId: string) =>
      socket.ws.send(JSON.stringify({ id, jsonrpc: "2.0", method: "subscription", params: { path: "poll.onResults", input: { pollId } } }));
    subscribe(7, a.id);
    subscribe(8, b.id);
    const data = (id: number) => socket.frames.filter((f) => f.id === id && f.result?.type === "data");
    const total = (f: Frame) => (f.result!.data as { data: Update }).data.results!.total;
    await socket.answer(7, (f) => f.result?.type === "data");
    await socket.answer(8, (f) => f.result?.type === "data");

    const vote = async (poll: typeof a, times: number) => {
      for (let i = 0; i < times; i++) {
        await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
        await new Promise((r) => setTimeout(r, 150)); // past the 100 ms throttle: each vote its own update
      }
    };
    await vote(a, 3);
    await vote(b, 2);
    await socket.answer(7, (f) => f.result?.type === "data" && total(f) === 3);
    await socket.answer(8, (f) => f.result?.type === "data" && total(f) === 2);

    for (const [id, last] of [[7, 3], [8, 2]] as const) {
      const frames = data(id);
      expect(frames.map(total)).toEqual(Array.from({ length: last + 1 }, (_, n) => n));
      for (const frame of frames) {
        const update = (frame.result!.data as { id: string; data: Update }).data;
        expect(frame).toMatchObject({ id, jsonrpc: "2.0", result: { type: "data", id: `${update.results!.seq}:open`, data: { id: `${update.results!.seq}:open` } } });
        expect(JSON.stringify(shapeOf(frame))).toEqual(JSON.stringify(shapeOf(frames[0]))); // the first went through tRPC, the rest did not
      }
    }

    socket.stop(7);
    await socket.answer(7, (f) => f.result?.type === "stopped");
    await vote(a, 2);
    await vote(b, 1);
    await socket.answer(8, (f) => f.result?.type === "data" && total(f) === 3);
    expect(data(7).map(total)).toEqual([0, 1, 2, 3]);
    socket.close();
  });
});
