import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/limits";
import { errorCodeOf } from "../../test/support/errors";
import { signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("owner accounts", () => {
  const app = useTestApp("postgres");

  it("signs up, stays signed in by cookie, signs out, and signs in again", async () => {
    const browser = app.browser();
    const owner = await signUpOwner(browser);
    expect(await browser.api.auth.me.query()).toMatchObject({ id: owner.id, email: owner.email });
    expect(browser.cookies.get("ts_session")).toBeTruthy();

    await browser.api.auth.signOut.mutate();
    expect(await errorCodeOf(browser.api.auth.me.query())).toBe("UNAUTHORIZED");

    expect(await errorCodeOf(browser.api.auth.signIn.mutate({ email: owner.email, password: "not the password" }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(browser.api.auth.signIn.mutate({ email: "nobody@example.com", password: "whatever" }))).toBe("UNAUTHORIZED");
    await browser.api.auth.signIn.mutate({ email: owner.email.toUpperCase(), password: "a long enough password" });
    expect((await browser.api.auth.me.query()).id).toBe(owner.id);
  });

  it("makes no second account with the same email, and answers as for a new one (issue 13, item 11)", async () => {
    const owner = await signUpOwner(app.browser());
    const intruder = app.browser();
    const again = await intruder.api.auth.signUp.mutate({ email: owner.email, password: "another password", name: "X", restaurantName: "Y" });
    expect(Object.keys(again).sort()).toEqual(["email", "id", "name"]);
    expect(await errorCodeOf(intruder.api.auth.me.query())).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(app.browser().api.auth.signIn.mutate({ email: owner.email, password: "another password" }))).toBe("UNAUTHORIZED");
  });

  it("answers bad sign-up and poll input with BAD_REQUEST and creates nothing", async () => {
    const browser = app.browser();
    const signUp = (input: unknown) => browser.api.auth.signUp.mutate(input as never);
    const good = { email: "fine@example.com", password: "long enough pw", name: "N", restaurantName: "R" };
    for (const [what, input] of [
      ["a malformed email", { ...good, email: "not-an-email" }],
      ["a short password", { ...good, password: "short" }],
      ["an oversized password", { ...good, password: "p".repeat(LIMITS.passwordMax + 1) }],
      ["an empty name", { ...good, name: "   " }],
      ["an oversized restaurant name", { ...good, restaurantName: "r".repeat(LIMITS.nameLength + 1) }],
      ["a number for the email", { ...good, email: 12 }],
    ] as const) {
      expect(await errorCodeOf(signUp(input)), what).toBe("BAD_REQUEST");
    }
    expect(await errorCodeOf(browser.api.auth.me.query())).toBe("UNAUTHORIZED");

    await signUpOwner(browser);
    const create = (input: unknown) => browser.api.poll.create.mutate(input as never);
    const options = [{ label: "A" }, { label: "B" }];
    for (const [what, input] of [
      ["21 options", { question: "Q?", options: Array.from({ length: 21 }, (_, i) => ({ label: `o${i}` })) }],
      ["one option", { question: "Q?", options: [{ label: "A" }] }],
      ["an empty question", { question: "", options }],
      ["an oversized question", { question: "q".repeat(LIMITS.questionLength + 1), options }],
      ["an empty option label", { question: "Q?", options: [{ label: "" }, { label: "B" }] }],
      ["maxChoices beyond the options", { question: "Q?", options, multipleChoice: true, maxChoices: 3 }],
      ["maxChoices on a single-choice poll", { question: "Q?", options, maxChoices: 2 }],
      ["closing before opening", { question: "Q?", options, opensAt: "2030-01-02T00:00:00Z", closesAt: "2030-01-01T00:00:00Z" }],
      ["an unknown results visibility", { question: "Q?", options, resultsVisibility: "sometimes" }],
      ["a menu item that does not exist", { question: "Q?", options: [{ label: "A", menuItemId: "cnosuchitem" }, { label: "B" }] }],
    ] as const) {
      expect(await errorCodeOf(create(input)), what).toBe("BAD_REQUEST");
    }
    expect(await browser.api.poll.mine.query()).toEqual([]);
  });
});
