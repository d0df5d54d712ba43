import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Printed table cards: each table of a poll has a card whose QR code opens the poll with that table's code,
 * `<table>-<signature>`. Signed like ballot codes (polls/ballotCodes.ts), so nothing is stored and a code for a
 * table that was never printed cannot be made up. Unlike a ballot code, a table code is not the voter: everyone at
 * the table votes with it, and it records where the vote came from.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function signature(secret: string, pollId: string, table: number): string {
  const mac = createHmac("sha256", secret).update(`table:${pollId}:${table}`).digest();
  let text = "";
  for (let i = 0; i < 8; i++) text += ALPHABET[mac[i] & 31];
  return text;
}

export function tableCode(secret: string, pollId: string, table: number): string {
  return `${table}-${signature(secret, pollId, table)}`;
}

/** The table a valid code stands for, or null. */
export function tableOfCode(secret: string, pollId: string, tables: number, code: string): number | null {
  const match = /^(\d{1,4})-([0-9A-Z]{8})$/.exec(code.trim().toUpperCase());
  if (!match) return null;
  const table = Number(match[1]);
  if (table < 1 || table > tables) return null;
  return timingSafeEqual(Buffer.from(match[2]), Buffer.from(signature(secret, pollId, table))) ? table : null;
}

/** Every card of a poll, each with the link its QR code opens. */
export function printableTableCards(secret: string, poll: { id: string; slug: string; tableCards: number | null }) {
  return Array.from({ length: poll.tableCards ?? 0 }, (_, i) => {
    const code = tableCode(secret, poll.id, i + 1);
    return { table: i + 1, code, path: `/p/${poll.slug}?table=${code}` };
  });
}
