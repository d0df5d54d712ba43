import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Printed ballot codes, for owners who want one person, one vote even against cookie clearing: the poll admits
 * only holders of one of its N codes, and a code votes once (the code, not the browser, is the voter). Codes are
 * `<number>-<signature>`, signed with the server secret, so nothing needs storing and a code cannot be guessed.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function ballotCode(secret: string, pollId: string, number: number): string {
  return `${number}-${signature(secret, pollId, number)}`;
}

/** The voter id a valid code stands for, or null. */
export function voterOfBallotCode(secret: string, pollId: string, codes: number, code: string): string | null {
  const match = /^(\d{1,5})-([0-9A-Z]{10})$/.exec(code.trim().toUpperCase());
  if (!match) return null;
  const number = Number(match[1]);
  if (number < 1 || number > codes) return null;
  const given = Buffer.from(match[2]);
  const expected = Buffer.from(signature(secret, pollId, number));
  return timingSafeEqual(given, expected) ? `code:${number}` : null;
}

function signature(secret: string, pollId: string, number: number): string {
  const mac = createHmac("sha256", secret).update(`ballot:${pollId}:${number}`).digest();
  let text = "";
  for (let i = 0; i < 10; i++) text += ALPHABET[mac[i] & 31];
  return text;
}

/** Every printable code of a strict one-person-one-vote poll, each with the link its QR code opens. */
export function printableBallotCodes(secret: string, poll: { id: string; slug: string; ballotCodes: number | null }) {
  return Array.from({ length: poll.ballotCodes ?? 0 }, (_, i) => {
    const code = ballotCode(secret, poll.id, i + 1);
    return { number: i + 1, code, path: `/p/${poll.slug}?code=${code}` };
  });
}
