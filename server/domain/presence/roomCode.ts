import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The room code a restaurant's screen shows: six digits, derived from the server secret, the poll and the current
 * minute, so nothing is stored and every process agrees. A code is accepted in its own minute and the next, so a
 * diner who read it just before it changed still gets in (docs/adr/0026-proof-of-presence.md).
 */
export const ROOM_CODE_WINDOW_MS = 60_000;
export const ROOM_CODE_DIGITS = 6;

const windowOf = (at: Date) => Math.floor(at.getTime() / ROOM_CODE_WINDOW_MS);

function codeOfWindow(secret: string, pollId: string, window: number): string {
  const mac = createHmac("sha256", secret).update(`room:${pollId}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 10 ** ROOM_CODE_DIGITS).padStart(ROOM_CODE_DIGITS, "0");
}

/** The code to show now, and when the screen should ask for the next one. */
export function currentRoomCode(secret: string, pollId: string, now: Date) {
  const window = windowOf(now);
  return { code: codeOfWindow(secret, pollId, window), changesAt: new Date((window + 1) * ROOM_CODE_WINDOW_MS) };
}

/** Whether a typed or scanned code is this poll's code of this minute or the one before. Spaces and dashes are ignored. */
export function isRoomCode(secret: string, pollId: string, typed: string, now: Date): boolean {
  const given = typed.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(given)) return false;
  const window = windowOf(now);
  return [window, window - 1].some((w) => timingSafeEqual(Buffer.from(given), Buffer.from(codeOfWindow(secret, pollId, w))));
}
