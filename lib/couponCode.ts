/**
 * Coupon codes: 12 characters of Crockford's base-32 alphabet (digits and capitals without I, L, O, U), so a code
 * read aloud or typed from a phone survives the usual slips. Typed codes are read leniently: spaces, dashes and
 * dots are dropped, lower case is raised, and the letters Crockford maps to digits are read as them (O → 0,
 * I and L → 1).
 */
export const COUPON_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const COUPON_CODE_LENGTH = 12;

const CONFUSABLE: Record<string, string> = { O: "0", I: "1", L: "1" };

/** The code as it was issued, from what someone typed or scanned. */
export function normalizeCouponCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-_.·‐-―]/g, "")
    .replace(/[OIL]/g, (letter) => CONFUSABLE[letter]);
}

const VALID = new RegExp(`^[${COUPON_CODE_ALPHABET}]{${COUPON_CODE_LENGTH}}$`);

export function isCouponCode(code: string): boolean {
  return VALID.test(code);
}

/** Groups of four for reading aloud and for the eye ("7K3M 9QX2 ABCD"); the counter accepts it either way. */
export function groupCouponCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1 ");
}
