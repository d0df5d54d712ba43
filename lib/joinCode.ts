import { COUPON_CODE_ALPHABET, normalizeCouponCode } from "./couponCode";

/**
 * A poll's join code: six characters of the coupon codes' alphabet (Crockford's base-32), drawn by Postgres
 * (migration 20261202000000_join_code) and typed at /join when the QR code is out of reach. Typed leniently, like
 * coupon codes: spaces, dashes and case do not matter, and O, I, L are read as 0, 1, 1.
 */
export const JOIN_CODE_LENGTH = 6;

const VALID = new RegExp(`^[${COUPON_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** The code as the poll holds it, or null when what was typed cannot be one. */
export function readJoinCode(typed: string): string | null {
  const code = normalizeCouponCode(typed);
  return VALID.test(code) ? code : null;
}

/** Two groups of three for the eye and for reading aloud: "K7M 3QX". */
export function groupJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
