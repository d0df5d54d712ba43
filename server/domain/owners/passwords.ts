import "server-only";
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 hashes with argon2id by default (m=19 MiB, t=2, p=1: OWASP's baseline); passwords.test.ts
// pins the algorithm so a library default change cannot weaken it silently.
export const hashPassword = (password: string) => hash(password);

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = hash("tableside-dummy-password");

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  return verify(passwordHash ?? (await DUMMY_HASH), password);
}
