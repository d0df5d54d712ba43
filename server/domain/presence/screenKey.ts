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

/**
 * The key in the restaurant TV's link (`/screen/r/<restaurant>?key=`): it stands for every poll's screen key of
 * that restaurant, so the TV shows the room code of each poll it takes in turn (docs/adr/0030).
 */
export function restaurantScreenKey(secret: string, restaurantId: string): string {
  return createHmac("sha256", secret).update(`restaurant-screen:${restaurantId}`).digest("base64url").slice(0, 22);
}

export function isRestaurantScreenKey(secret: string, restaurantId: string, key: string): boolean {
  const expected = Buffer.from(restaurantScreenKey(secret, restaurantId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
