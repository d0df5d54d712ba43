import { DomainError } from "../errors";
import type { PollDefinition } from "../polls/definition";
import { isRoomCode } from "./roomCode";
import { tableOfCode } from "./tableCards";

/** What a diner brings as proof of being in the restaurant: the screen's room code, or a table card's code. */
export type PresenceProof = { roomCode?: string; tableCode?: string };

export const PRESENCE_MISSING =
  "this poll counts only votes from inside the restaurant: type the room code shown on the restaurant's screen, " +
  "or scan the QR code on the screen or on your table's card";
export const PRESENCE_INVALID =
  "that code is not valid (the room code changes every minute): type the code the restaurant's screen shows now, " +
  "or scan the QR code on the screen or on your table's card";

/**
 * Checked before the vote reaches the engine, so a refused vote counts nothing and takes no coupon. A poll with
 * printed ballot codes needs none (the ballot card was handed out in the room). A valid table card also says
 * which table the vote came from, on any poll with cards. Throws FORBIDDEN with `details.presence` set to
 * `missing` or `invalid`, so a page can ask for the code.
 */
export function provePresence(poll: PollDefinition, secret: string, proof: PresenceProof, now: Date): { table: number | null } {
  const table = poll.tableCards && proof.tableCode ? tableOfCode(secret, poll.id, poll.tableCards, proof.tableCode) : null;
  if (!poll.presenceRequired || poll.ballotCodes !== null || table !== null) return { table };
  if (proof.roomCode && isRoomCode(secret, poll.id, proof.roomCode, now)) return { table };
  const given = Boolean(proof.roomCode || proof.tableCode);
  throw new DomainError("FORBIDDEN", given ? PRESENCE_INVALID : PRESENCE_MISSING, { presence: given ? "invalid" : "missing" });
}
