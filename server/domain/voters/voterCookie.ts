import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A diner's identity is a random id the server issued, carried in an HttpOnly cookie and signed with the server's
 * secret, with the time it was issued. The server never trusts a voter id from a request body: only a cookie whose
 * signature checks out, and that is not older than the maximum age, counts.
 */
export const VOTER_COOKIE = "ts_voter";
const SIGNATURE_BYTES = 16;
/** Without configuration (VOTER_COOKIE_MAX_AGE_DAYS): a month, longer than any poll a restaurant runs. */
export const DEFAULT_VOTER_COOKIE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** `expired`: signed by us, but issued longer ago than the maximum age; a new identity may be issued. */
export type VoterCookieReading =
  | { kind: "valid"; voterId: string }
  | { kind: "missing" }
  | { kind: "expired" }
  | { kind: "invalid" };

export function issueVoterId(): string {
  return randomBytes(16).toString("base64url");
}

/** `<voter id>.<issued at, seconds, base 36>.<signature of both>`: the issue time cannot be moved without the secret. */
export function signVoterId(voterId: string, secret: string, issuedAtMs = Date.now()): string {
  const payload = `${voterId}.${Math.floor(issuedAtMs / 1000).toString(36)}`;
  return `${payload}.${signature(payload, secret)}`;
}

export function readVoterCookie(value: string | undefined, secret: string, maxAgeMs = DEFAULT_VOTER_COOKIE_MAX_AGE_MS, nowMs = Date.now()): VoterCookieReading {
  if (value === undefined || value === "") return { kind: "missing" };
  const parts = value.split(".");
  if (parts.length !== 3 || value.length > 120 || parts[0] === "" || !/^[0-9a-z]{1,10}$/.test(parts[1])) return { kind: "invalid" };
  const [voterId, issued, given] = parts;
  // Compared as text, not decoded bytes: base64url's last character has spare bits, so two spellings can decode
  // to the same bytes, and only the one we issued is valid.
  const givenBytes = Buffer.from(given);
  const expected = Buffer.from(signature(`${voterId}.${issued}`, secret));
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return { kind: "invalid" };
  const issuedAtMs = parseInt(issued, 36) * 1000;
  if (nowMs - issuedAtMs > maxAgeMs || issuedAtMs - nowMs > 60_000) return { kind: "expired" };
  return { kind: "valid", voterId };
}

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest().subarray(0, SIGNATURE_BYTES).toString("base64url");
}
