import type { Encoder } from "@trpc/server/adapters/ws";

const utf8 = new TextEncoder();

export type DataMessage = { id: unknown; jsonrpc?: unknown; result: { type: "data"; id?: unknown; data: unknown } };

/** What a subscription's data message carries: the tracked envelope's `data`, or the data itself. */
export function payloadOf(message: DataMessage): unknown {
  const data = message.result.data;
  return message.result.id !== undefined ? (data as { data?: unknown } | null)?.data : data;
}

/** The payload if it may be shared: a frozen object, which its sender promises never to change (live/tallyHub.ts). */
function sharedPayloadOf(message: DataMessage): object | null {
  const payload = payloadOf(message);
  return typeof payload === "object" && payload !== null && Object.isFrozen(payload) ? payload : null;
}

export function isDataMessage(data: unknown): data is DataMessage {
  const result = (data as { result?: { type?: unknown } } | null)?.result;
  return result?.type === "data";
}

/**
 * Frames of a live update, shared by every socket that sends the same update: the hub hands one frozen update object
 * per poll per tick to all its viewers (server/live/tallyHub.ts), and tRPC wraps it per subscription in an envelope
 * that differs only by the subscription's id (small integers a page's client counts from 1, so mostly equal) and
 * the tracked event id. The frame is built once per (update, envelope) and kept, as bytes, for as long as the
 * update object lives; every socket writes the same Buffer (sent as a text frame: liveSocket.ts). Anything else
 * goes through `inner`.
 */
export function sharedFrames(inner: Encoder): Encoder {
  const frames = new WeakMap<object, Map<string, Uint8Array<ArrayBuffer>>>();
  return {
    decode: (data) => inner.decode(data),
    encode(data) {
      if (!isDataMessage(data)) return inner.encode(data);
      const payload = sharedPayloadOf(data);
      if (!payload) return inner.encode(data);
      const { id, jsonrpc, result } = data;
      const key = JSON.stringify([id, jsonrpc ?? null, result.id ?? null]);
      let byEnvelope = frames.get(payload);
      if (!byEnvelope) frames.set(payload, (byEnvelope = new Map()));
      let frame = byEnvelope.get(key);
      if (!frame) byEnvelope.set(key, (frame = utf8.encode(inner.encode(data) as string)));
      return frame;
    },
  };
}
