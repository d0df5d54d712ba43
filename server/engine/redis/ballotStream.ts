import type { AcceptedBallot } from "../types";

/** One entry of a poll's ballot stream, as XRANGE / XREADGROUP return it: [id, [field, value, ...]]. */
export type StreamEntry = [id: string, fields: string[] | null];

/**
 * A stream entry as the ballot castVote.lua appended (fields v voter, o comma-joined options, t first cast ms,
 * c coupon, and for a change r revision, u change ms);
 * null for an entry deleted since it was delivered (its fields come back empty).
 */
export function ballotOfEntry(pollId: string, [, fields]: StreamEntry): AcceptedBallot | null {
  if (!fields || fields.length === 0) return null;
  const field = new Map<string, string>();
  for (let i = 0; i < fields.length; i += 2) field.set(fields[i], fields[i + 1]);
  const voterId = field.get("v");
  const options = field.get("o");
  const castAtMs = Number(field.get("t"));
  if (!voterId || !options || !Number.isFinite(castAtMs)) return null;
  const revision = Number(field.get("r") ?? 1);
  const changedAtMs = field.has("u") ? Number(field.get("u")) : undefined;
  return { pollId, voterId, optionIds: options.split(","), castAtMs, couponCode: field.get("c") ?? null, revision, changedAtMs };
}

/** The time Redis appended an entry, from its id ("<ms>-<seq>"). */
export function entryTimeMs(id: string): number {
  return Number(id.slice(0, id.indexOf("-")));
}
