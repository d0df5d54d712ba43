import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The key in the restaurant screen's link. The room code is worth something only if it is seen in the room, so it
 * is given to the screen that holds this key (or to the signed-in owner), never to anyone who has the diner link:
 * the diner and screen links share the poll's slug.
 */
export function screenKey(secret: string, pollId: string): string {
  return createHmac("sha256", secret).update(`screen:${pollId}`).digest("base64url").slice(0, 22);
}

export function isScreenKey(secret: string, pollId: string, key: string): boolean {
  const expected = Buffer.from(screenKey(secret, pollId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
