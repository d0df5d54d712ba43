import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * Staff PINs are short (4 to 8 digits), so the hash alone does not protect them: a stolen table is searched in
 * minutes whatever the hash. What protects a PIN is that it works only on an enrolled counter device and only a few
 * tries at a time (rate limits `staffPinsPerStaff`, `staffPinsPerDevice`; docs/adr/0027). argon2id still keeps the
 * PIN out of plain sight and costs a guesser time.
 */
export const hashPin = (pin: string) => hash(pin);

const DUMMY_HASH = hash("0000-tableside-dummy-pin");

/** Whether the PIN matches; an unknown staff member costs as long as a wrong PIN. */
export async function verifyPin(pinHash: string | null, pin: string): Promise<boolean> {
  return verify(pinHash ?? (await DUMMY_HASH), pin);
}
