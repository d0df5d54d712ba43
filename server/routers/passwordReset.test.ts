import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { signUpOwner } from "../../test/support/fixtures";
import { linkIn, SmtpSink } from "../../test/support/smtpSink";
import { startTestApp, type TestApp, useTestApp } from "../../test/support/testApp";
import { testStores } from "../../test/support/workerStores";

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
const PASSWORD = "a long enough password";

describe("password reset by e-mail, against a real SMTP server", () => {
  let sink: SmtpSink;
  let app: TestApp;
  beforeAll(async () => {
    sink = await SmtpSink.start();
    app = await startTestApp("postgres", { smtpUrl: sink.url });
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.stop();
  });

  it("mails a link that sets a new password once; sessions end; the old password and the link stop working", async () => {
    const owner = app.browser();
    const { email } = await signUpOwner(owner);
    expect(await app.browser().api.auth.passwordResetByEmail.query()).toBe(true);

    const before = sink.messages.length;
    expect(await app.browser().api.auth.requestPasswordReset.mutate({ email: email.toUpperCase() })).toEqual({ requested: true });
    const mail = await sink.nextMessageTo(email, before);
    expect(mail.subject).toBe("Reset your Tableside password");
    const link = linkIn(mail);
    expect(link.startsWith(`${app.url}/owner/reset-password?token=`)).toBe(true);
    const stored = await app.services.db.passwordReset.findMany({ where: { owner: { email } }, select: { tokenHash: true } });
    expect(stored.map((s) => s.tokenHash)).not.toContain(tokenOf(link)); // only its hash is kept

    await app.browser().api.auth.resetPassword.mutate({ token: tokenOf(link), password: "a brand new password" });
    expect(await errorCodeOf(owner.api.auth.me.query())).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(app.browser().api.auth.signIn.mutate({ email, password: PASSWORD }))).toBe("UNAUTHORIZED");
    await app.browser().api.auth.signIn.mutate({ email, password: "a brand new password" });
    expect(await errorCodeOf(app.browser().api.auth.resetPassword.mutate({ token: tokenOf(link), password: "yet another password" }))).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("answers the same for an unknown e-mail, and sends nothing", async () => {
    const before = sink.messages.length;
    const answer = await app.browser().api.auth.requestPasswordReset.mutate({ email: "nobody-at-all@example.com" });
    expect(answer).toEqual({ requested: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages.slice(before)).toHaveLength(0);
  });

  it("a link works only until it expires, and a newer link's use ends the older ones", async () => {
    const { email } = await signUpOwner(app.browser());
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      const before = sink.messages.length;
      await app.browser().api.auth.requestPasswordReset.mutate({ email });
      links.push(linkIn(await sink.nextMessageTo(email, before)));
    }
    await app.services.db.passwordReset.updateMany({ where: { owner: { email } }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await errorCodeOf(app.browser().api.auth.resetPassword.mutate({ token: tokenOf(links[0]), password: "expired password" }))).toBe(
      "PRECONDITION_FAILED",
    );
    await app.services.db.passwordReset.updateMany({ where: { owner: { email } }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    await app.browser().api.auth.resetPassword.mutate({ token: tokenOf(links[1]), password: "the newest password" });
    expect(await errorCodeOf(app.browser().api.auth.resetPassword.mutate({ token: tokenOf(links[0]), password: "older link password" }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect(await errorCodeOf(app.browser().api.auth.resetPassword.mutate({ token: "x".repeat(43), password: "a guessed password" }))).toBe(
      "PRECONDITION_FAILED",
    );
  });
});

describe("password reset without SMTP: the operator's command", () => {
  const app = useTestApp("postgres");

  it("sends no e-mail, and `npm run reset-password` prints a one-time link that works", async () => {
    expect(await app.browser().api.auth.passwordResetByEmail.query()).toBe(false);
    const { email } = await signUpOwner(app.browser());
    expect(await app.browser().api.auth.requestPasswordReset.mutate({ email })).toEqual({ requested: true });

    const run = (address: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/resetPassword.ts", address], {
        env: { ...process.env, DATABASE_URL: testStores().databaseUrl, PUBLIC_URL: "https://tables.example.com" },
        encoding: "utf8",
      });
    const printed = run(email);
    expect(printed.status, printed.stderr).toBe(0);
    const link = /https:\/\/tables\.example\.com\/owner\/reset-password\?token=\S+/.exec(printed.stdout)?.[0];
    expect(link).toBeDefined();
    await app.browser().api.auth.resetPassword.mutate({ token: tokenOf(link!), password: "set by the operator" });
    await app.browser().api.auth.signIn.mutate({ email, password: "set by the operator" });

    const unknown = run("nobody-at-all@example.com");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No account signs in with nobody-at-all@example.com");
  });
});
