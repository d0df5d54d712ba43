import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A diner's identity is a random id the server issued, carried in an HttpOnly cookie and signed with the server's
 * secret. The server never trusts a voter id from a request body: only a cookie whose signature checks out counts.
 */
export const VOTER_COOKIE = "ts_voter";
const SIGNATURE_BYTES = 16;

export type VoterCookieReading =
  | { kind: "valid"; voterId: string }
  | { kind: "missing" }
  | { kind: "invalid" };

export function issueVoterId(): string {
  return randomBytes(16).toString("base64url");
}

export function signVoterId(voterId: string, secret: string): string {
  return `${voterId}.${signature(voterId, secret)}`;
}

export function readVoterCookie(value: string | undefined, secret: string): VoterCookieReading {
  if (value === undefined || value === "") return { kind: "missing" };
  const dot = value.indexOf(".");
  if (dot <= 0 || value.length > 100) return { kind: "invalid" };
  const voterId = value.slice(0, dot);
  // Compared as text, not decoded bytes: base64url's last character has spare bits, so two spellings can decode
  // to the same bytes, and only the one we issued is valid.
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(voterId, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: "invalid" };
  return { kind: "valid", voterId };
}

function signature(voterId: string, secret: string): string {
  return createHmac("sha256", secret).update(voterId).digest().subarray(0, SIGNATURE_BYTES).toString("base64url");
}
