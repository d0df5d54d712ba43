import { randomBytes } from "node:crypto";

// No 0/O/1/I/L: a slug is read off a table tent and typed by hand.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A short random code for a poll's public link: `/p/<slug>`. */
export function newSlug(length = 8): string {
  const bytes = randomBytes(length);
  let slug = "";
  for (const byte of bytes) slug += ALPHABET[byte % ALPHABET.length];
  return slug;
}
