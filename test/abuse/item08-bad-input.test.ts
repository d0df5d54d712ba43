import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../support/browser";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";
import { RawSocket } from "./support/rawSocket";

type Refusal = { status: number; code?: string; fields?: Record<string, string[]>; message?: string };

/**
 * Issue 13, item 8: NUL bytes, lone surrogates and out-of-range dates are refused at the boundary with 400 and
 * a field message (never a 500 with the driver's text); a subscription to a poll that does not exist is
 * NOT_FOUND, not an internal error.
 */
describe("item 8: bad input is a 400 with a field message", () => {
  const app = useTestApp("postgres");
  let owner: Browser;
  beforeAll(async () => {
    owner = app.browser();
    await signUpOwner(owner);
  });
  const post = async (path: string, body: unknown): Promise<Refusal> => {
    const response = await fetch(`${app.url}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: owner.cookieHeader() },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { error?: { message: string; data?: { code: string; fields?: Record<string, string[]> } } };
    return { status: response.status, code: json.error?.data?.code, fields: json.error?.data?.fields, message: json.error?.message };
  };
  const poll = { question: "Which?", options: [{ label: "A" }, { label: "B" }] };

  it.each([
    ["a NUL byte in the question", "poll.create", { ...poll, question: "Wh\u0000ich?" }, "question"],
    ["a lone surrogate in an option", "poll.create", { ...poll, options: [{ label: "A\uD800" }, { label: "B" }] }, "options"],
    ["a NUL byte in a dish name", "menu.add", { nameEn: "Soup\u0000", priceCents: 100 }, "nameEn"],
    ["a lone low surrogate in a restaurant name", "account.updateRestaurant", { name: "\uDC00Bistro", currency: "EUR", timeZone: "Europe/Paris" }, "name"],
    ["a date beyond year 9999", "poll.create", { ...poll, closesAt: "+275760-09-13T00:00:00.000Z" }, "closesAt"],
    ["a date before year 1000", "poll.create", { ...poll, opensAt: "0001-01-01T00:00:00.000Z" }, "opensAt"],
  ])("%s", async (_, path, input, field) => {
    const refusal = await post(path, input);
    expect(refusal.status).toBe(400);
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.fields?.[field]?.length, JSON.stringify(refusal)).toBeGreaterThan(0);
  });

  it("answers a subscription to a poll that does not exist with NOT_FOUND", async () => {
    const socket = await RawSocket.open(app.url);
    const id = socket.call("subscription", "poll.onResults", { pollId: "no-such-poll" });
    const answer = await socket.answer(id, (f) => Boolean(f.error));
    expect(answer.error?.data?.code).toBe("NOT_FOUND");
    socket.close();
    expect((await createOpenPoll(owner)).id).toBeTruthy(); // the server is fine afterwards
  });
});
