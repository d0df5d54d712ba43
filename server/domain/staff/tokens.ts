import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random credential for a cookie or a link; only its SHA-256 is stored, so a leaked table signs nobody in. */
export function newToken(bytes = 32): { token: string; tokenHash: string } {
  const token = randomBytes(bytes).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
