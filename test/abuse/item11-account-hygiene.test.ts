import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../support/errors";
import { signUpOwner } from "../support/fixtures";
import { startTestApp, useTestApp } from "../support/testApp";

const PASSWORD = "a long enough password";
const signUpBody = (email: string, password = PASSWORD) => JSON.stringify({ email, password, name: "Owner", restaurantName: "Bistro" });

/**
 * Issue 13, item 11: sign-up does not tell whether an address has an account; a password of spaces is refused;
 * cookies are `Secure` when the site is served over HTTPS (PUBLIC_URL), not because a client says so; HTTPS sites
 * send HSTS; "sign out everywhere" ends every session of the account.
 */
describe("item 11: account hygiene", () => {
  const app = useTestApp("postgres");
  const signUp = (email: string, headers: Record<string, string> = {}, password = PASSWORD) =>
    fetch(`${app.url}/api/trpc/auth.signUp`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: signUpBody(email, password) });

  it("answers sign-up for a registered address exactly as for a new one", async () => {
    const taken = (await signUpOwner(app.browser())).email;
    const [fresh, again] = await Promise.all([signUp(`new-${Date.now()}@example.com`), signUp(taken)]);
    const shape = async (response: Response) => {
      const body = (await response.json()) as { result: { data: Record<string, string> } };
      const cookie = response.headers.get("set-cookie") ?? "";
      return { status: response.status, keys: Object.keys(body.result.data).sort(), idForm: /^c[0-9a-z]{24}$/.test(body.result.data.id), cookie: cookie.replace(/=[^;]+/, "=…") };
    };
    expect(await shape(again)).toEqual(await shape(fresh));
  });

  it("refuses a password of only spaces", async () => {
    const response = await signUp(`spaces-${Date.now()}@example.com`, {}, " ".repeat(12));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { data: { fields: Record<string, string[]> } } }).error.data.fields.password).toBeDefined();
  });

  it("sets Secure cookies and HSTS when PUBLIC_URL is https, and ignores X-Forwarded-Proto from an untrusted client", async () => {
    const spoofed = await signUp(`proto-${Date.now()}@example.com`, { "x-forwarded-proto": "https" });
    expect(spoofed.headers.get("set-cookie")).not.toMatch(/Secure/i);
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
    const https = await startTestApp("postgres", { services: { publicUrl: "https://tableside.example" } });
    try {
      const response = await fetch(`${https.url}/api/trpc/auth.signUp`, { method: "POST", headers: { "content-type": "application/json" }, body: signUpBody(`tls-${Date.now()}@example.com`) });
      expect(response.headers.get("set-cookie")).toMatch(/; Secure/i);
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    } finally {
      await https.stop();
    }
  });

  it("signs the account out on every device with 'sign out everywhere'", async () => {
    const phone = app.browser();
    const owner = await signUpOwner(phone);
    const laptop = app.browser();
    await laptop.api.auth.signIn.mutate({ email: owner.email, password: PASSWORD });
    expect((await laptop.api.auth.me.query()).id).toBe(owner.id);
    await phone.api.account.signOutEverywhere.mutate();
    expect(await errorCodeOf(laptop.api.auth.me.query())).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(phone.api.auth.me.query())).toBe("UNAUTHORIZED");
  });
});
