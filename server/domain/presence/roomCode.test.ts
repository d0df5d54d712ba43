import { describe, expect, it } from "vitest";
import { currentRoomCode, isRoomCode, ROOM_CODE_WINDOW_MS } from "./roomCode";
import { tableCode, tableOfCode } from "./tableCards";

const secret = "a-secret-of-at-least-32-characters-long";
const at = (ms: number) => new Date(ms);
const start = 1_800_000_000_000 - (1_800_000_000_000 % ROOM_CODE_WINDOW_MS);

describe("room codes", () => {
  it("are six digits, the same all minute, and change with the minute and the poll", () => {
    const { code, changesAt } = currentRoomCode(secret, "poll-a", at(start + 5_000));
    expect(code).toMatch(/^\d{6}$/);
    expect(changesAt.getTime()).toBe(start + ROOM_CODE_WINDOW_MS);
    expect(currentRoomCode(secret, "poll-a", at(start + 59_999)).code).toBe(code);
    expect(currentRoomCode(secret, "poll-a", at(start + ROOM_CODE_WINDOW_MS)).code).not.toBe(code);
    expect(currentRoomCode(secret, "poll-b", at(start)).code).not.toBe(code);
    expect(currentRoomCode("another-secret-of-32-characters-or-more", "poll-a", at(start)).code).not.toBe(code);
  });

  it("are accepted in their minute and the next, not after, and typed with spaces or a dash", () => {
    const { code } = currentRoomCode(secret, "poll-a", at(start));
    expect(isRoomCode(secret, "poll-a", code, at(start + 1))).toBe(true);
    expect(isRoomCode(secret, "poll-a", `${code.slice(0, 3)} ${code.slice(3)}`, at(start + 1))).toBe(true);
    expect(isRoomCode(secret, "poll-a", `${code.slice(0, 3)}-${code.slice(3)}`, at(start + ROOM_CODE_WINDOW_MS + 59_000))).toBe(true);
    expect(isRoomCode(secret, "poll-a", code, at(start + 2 * ROOM_CODE_WINDOW_MS))).toBe(false);
    expect(isRoomCode(secret, "poll-a", code, at(start - 1))).toBe(false);
    expect(isRoomCode(secret, "poll-b", code, at(start))).toBe(false);
    expect(isRoomCode(secret, "poll-a", "", at(start))).toBe(false);
    expect(isRoomCode(secret, "poll-a", "1234567", at(start))).toBe(false);
  });
});

describe("table cards", () => {
  it("name their table, only for tables that were printed and only for their poll", () => {
    const code = tableCode(secret, "poll-a", 7);
    expect(code).toMatch(/^7-[0-9A-Z]{8}$/);
    expect(tableOfCode(secret, "poll-a", 10, code)).toBe(7);
    expect(tableOfCode(secret, "poll-a", 10, code.toLowerCase())).toBe(7);
    expect(tableOfCode(secret, "poll-a", 6, code)).toBeNull();
    expect(tableOfCode(secret, "poll-b", 10, code)).toBeNull();
    expect(tableOfCode(secret, "poll-a", 10, `8-${code.slice(2)}`)).toBeNull();
  });
});
