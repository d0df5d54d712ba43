import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../server/limits/rules";
import { errorCodeOf } from "../support/errors";
import { signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";

/**
 * Issue 13, item 5: wrong passwords from anywhere must not lock the owner out. With the default limits, an
 * address that guesses is stopped; the owner signing in from another address gets in (after at most a short,
 * growing delay), however many guesses came before.
 */
describe("item 5: sign-in throttling cannot lock the owner out", () => {
  const app = useTestApp("postgres", { limits: DEFAULT_LIMITS });

  it("stops the guessing address and lets the owner in from another one", async () => {
    const owner = await signUpOwner(app.browser("127.0.0.31"));
    const guesses: string[] = [];
    for (let i = 0; i < 12; i++) {
      guesses.push(await errorCodeOf(app.browser("127.0.0.32").api.auth.signIn.mutate({ email: owner.email, password: `guess number ${i}` })));
    }
    expect(guesses.slice(0, 10).every((code) => code === "UNAUTHORIZED")).toBe(true);
    expect(guesses.slice(10)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    const signedIn = await app.browser("127.0.0.33").api.auth.signIn.mutate({ email: owner.email, password: "a long enough password" });
    expect(signedIn.id).toBe(owner.id);
  }, 60_000);
});
