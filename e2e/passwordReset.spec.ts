import { test as base } from "@playwright/test";
import { linkIn, SmtpSink } from "../test/support/smtpSink";
import { AppServer } from "./support/appServer";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot } from "./support/fixtures";
import { OWNER_PASSWORD, signUpInPage } from "./support/owner";

/**
 * This journey's own server, configured to send mail to a real SMTP server (smtp-server) on a free port, with
 * PUBLIC_URL its own address: reset links point there and nowhere else.
 */
const test = base.extend<object, { sink: SmtpSink; mailingApp: AppServer }>({
  sink: [
    async ({}, use) => {
      const sink = await SmtpSink.start();
      await use(sink);
      await sink.stop();
    },
    { scope: "worker" },
  ],
  mailingApp: [
    async ({ sink }, use) => {
      const server = await AppServer.start((url) => ({ PUBLIC_URL: url, SMTP_URL: sink.url, MAIL_FROM: "Tableside <no-reply@tableside.test>" }));
      await use(server);
      await server.dispose();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ mailingApp }, use) => use(mailingApp.url),
});

test("a forgotten password: the e-mail's link sets a new one, once; the old password stops working", async ({ browser, sink }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US" });
  const page = await context.newPage();
  const email = await signUpInPage(page, "forgetful");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Email").fill(email);
  await expect(page.getByText("This field is required.")).toHaveCount(0); // the error follows the field
  const before = sink.messages.length;
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText(`If an account signs in with ${email}, a link to set a new password is on its way.`, { exact: false })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The real e-mail, read from the SMTP server: its link is followed in the browser.
  const mail = await sink.nextMessageTo(email, before);
  expect(mail.subject).toBe("Reset your Tableside password");
  const link = linkIn(mail);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Use 8 to 200 characters.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("New password").fill("my brand new password");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set, and every device was signed out.", { exact: false })).toBeVisible();
  await saveScreenshot(page, testInfo, "password-reset-done");

  // Signed out, the settings page sends the owner to sign in and back. The old password is refused; the new one works.
  await page.goto("/owner/settings");
  await expect(page).toHaveURL(/\/owner\/sign-in\?next=%2Fowner%2Fsettings$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(OWNER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not right.")).toBeVisible();
  await page.getByLabel("Password").fill("my brand new password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/\S/); // the client-side navigation sets the title just after the heading shows
  expect(await seriousViolations(page)).toEqual([]);
  // A "next" pointing at another site is ignored: the dashboard instead.
  await page.goto("/owner/sign-in?next=//evil.example/steal");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("my brand new password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your polls" })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(link).host);

  // The tab shows Tableside's icon.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await page.request.get(icon!)).ok()).toBe(true);

  // The link a second time: refused, with the way to ask for a new one.
  await page.goto(link);
  await page.getByLabel("New password").fill("someone else's password");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("This link has expired or was already used.", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The same pages in Korean.
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.getByRole("heading", { name: "새 비밀번호 정하기" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/owner/forgot-password");
  await expect(page.getByRole("heading", { name: "비밀번호 재설정" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});
