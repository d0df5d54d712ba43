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

export async function createOpenPoll(owner: Browser, overrides: Partial<CreatePollInput> = {}) {
  const poll = await owner.api.poll.create.mutate({
    question: "Which dish becomes next week's special?",
    options: ["Bibimbap", "Kimchi jjigae", "Bulgogi", "Japchae", "Tteokbokki"].map((label) => ({ label })),
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
