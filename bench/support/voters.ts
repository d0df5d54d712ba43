import { randomBytes } from "node:crypto";
import { signVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";

/**
 * Voter identities for a load run, made on the client the way the server makes them: a random id signed with the
 * session secret (the bench starts its servers with a secret it knows). Ids are a per-run prefix plus an index, so
 * a later run can name the same voters again (duplicates) without shipping lists between processes.
 */
export function newVoterPrefix(): string {
  return randomBytes(9).toString("base64url"); // 12 characters
}

export function voterId(prefix: string, index: number): string {
  return prefix + index.toString(36).padStart(10, "0");
}

export function voterCookie(prefix: string, index: number, secret: string): string {
  return `${VOTER_COOKIE}=${signVoterId(voterId(prefix, index), secret)}`;
}
