import { describe, expect, it } from "vitest";
import { sharedFrames } from "./sharedFrames";

const json = { encode: (data: unknown) => JSON.stringify(data), decode: (data: string | Buffer) => JSON.parse(String(data)) as unknown };
const text = (frame: string | Uint8Array) => (typeof frame === "string" ? frame : new TextDecoder().decode(frame));
const dataMessage = (id: number, eventId: string, payload: unknown) => ({ id, result: { type: "data", id: eventId, data: { id: eventId, data: payload } } });

describe("sharedFrames", () => {
  it("builds one frame per frozen update and envelope, the same bytes tRPC's own encoding gives", () => {
    const encoder = sharedFrames(json);
    const update = Object.freeze({ status: "open", results: { seq: 7, counts: [1, 2] } });
    const first = encoder.encode(dataMessage(1, "7:open", update));
    const again = encoder.encode(dataMessage(1, "7:open", update));
    const otherSubscription = encoder.encode(dataMessage(2, "7:open", update));
    expect(again).toBe(first);
    expect(otherSubscription).not.toBe(first);
    expect(JSON.parse(text(first))).toEqual(dataMessage(1, "7:open", update));
    expect(JSON.parse(text(otherSubscription))).toEqual(dataMessage(2, "7:open", update));
  });

  it("encodes an update that is not frozen, and every other message, afresh each time", () => {
    const encoder = sharedFrames(json);
    const mutable = { status: "open", results: { seq: 1 } };
    const before = encoder.encode(dataMessage(1, "1:open", mutable));
    mutable.results.seq = 2;
    expect(JSON.parse(text(encoder.encode(dataMessage(1, "1:open", mutable)))).result.data.data.results.seq).toBe(2);
    expect(JSON.parse(text(before)).result.data.data.results.seq).toBe(1);
    expect(encoder.encode({ id: 1, result: { type: "started" } })).toBe('{"id":1,"result":{"type":"started"}}');
  });
});
