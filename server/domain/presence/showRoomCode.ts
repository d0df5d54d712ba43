import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import { findSessionOwner } from "../owners/sessions";
import type { PollDefinition } from "../polls/definition";
import { currentRoomCode } from "./roomCode";
import { isScreenKey } from "./screenKey";

/**
 * The room code, for the restaurant's screen (its link carries the screen key) or the poll's signed-in owner:
 * anyone else with the slug would otherwise read the code from afar, and the code would prove nothing.
 */
export async function showRoomCode(db: Db, secret: string, poll: PollDefinition, asker: { screenKey?: string; sessionToken?: string }, now: Date) {
  const isScreen = asker.screenKey !== undefined && isScreenKey(secret, poll.id, asker.screenKey);
  if (!isScreen) {
    const owner = await findSessionOwner(db, asker.sessionToken);
    if (owner?.id !== poll.ownerId) throw new DomainError("FORBIDDEN", "only the restaurant's screen shows the room code: open the screen link from the poll's page");
  }
  return currentRoomCode(secret, poll.id, now);
}
