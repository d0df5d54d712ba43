import { randomUUID } from "node:crypto";
import type { CreatePollInput } from "@/lib/schemas";
import type { Browser } from "./browser";

/** Signs up a fresh owner in this browser (each test gets its own, so tests never share data). */
export async function signUpOwner(browser: Browser) {
  return browser.api.auth.signUp.mutate({
    email: `owner-${randomUUID()}@example.com`,
    password: "a long enough password",
    name: "Owner",
    restaurantName: "Test Bistro",
  });
}

/**
 * An open poll. It asks for no proof of presence unless the test says so (`presenceRequired: true`): a promotion
 * would otherwise turn it on, and tests of other subjects vote from afar (presence: server/routers/presence.test.ts
 * and test/contract/promotionContract.ts).
 */
export async function createOpenPoll(owner: Browser, overrides: Partial<CreatePollInput> = {}) {
  const poll = await owner.api.poll.create.mutate({
    question: "Which dish becomes next week's special?",
    options: ["Bibimbap", "Kimchi jjigae", "Bulgogi", "Japchae", "Tteokbokki"].map((label) => ({ label })),
    presenceRequired: false,
    ...overrides,
  });
  await owner.api.poll.open.mutate({ pollId: poll.id });
  return poll;
}

/** Runs `task` for each item with at most `inFlight` running at once; resolves when all are done. */
export async function runConcurrently<T, R>(items: readonly T[], inFlight: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
  return results;
}

/**
 * The room code the poll's screen shows, as its owner reads it, asked again every 5 s: a code is accepted for its
 * minute and the next, so a vote still waiting in a busy server's queue 55 s after its code was read is accepted.
 */
export function roomCodeReader(owner: Browser, pollId: string) {
  let read: { code: string; at: number } | null = null;
  return async () => {
    if (!read || Date.now() - read.at > 5_000) read = { code: (await owner.api.presence.roomCode.query({ pollId })).code, at: Date.now() };
    return read.code;
  };
}
