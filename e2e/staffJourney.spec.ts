import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, openPromotionWithCoupons, OWNER_PASSWORD, signUpInPage } from "./support/owner";

test("staff at the counter: invited, the tablet enrolled by the owner, a coupon redeemed with a PIN and audited; revoked, no more", async ({ app, browser }, testInfo) => {
  const owner = await (await browser.newContext({ locale: "en-US" })).newPage();
  const email = await signUpInPage(owner, "staff");
  const codes = await openPromotionWithCoupons(owner, app.url, 2);

  // The owner invites Jisoo; Jisoo opens the link on her phone and chooses a PIN.
  await owner.getByRole("navigation", { name: "Owner pages" }).getByRole("link", { name: "Staff" }).click();
  await owner.getByLabel("Staff member's name").fill("Jisoo");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const inviteLink = (await owner.getByTestId("invite-link").getAttribute("href"))!;
  expect(await seriousViolations(owner)).toEqual([]);
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US" })).newPage();
  await phone.goto(inviteLink);
  await expect(phone.getByText("Hello Jisoo! Choose a PIN")).toBeVisible();
  await phone.getByLabel("Your PIN").fill("2468");
  await phone.getByRole("button", { name: "Save my PIN" }).click();
  await expect(phone.getByText("Done. Sign in on Hanok Table's counter tablet with your PIN.")).toBeVisible();

  // The owner signs in on the shared tablet, makes it the counter, and signs out.
  const tablet = await (await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: "en-US" })).newPage();
  await tablet.goto("/owner/sign-in");
  await tablet.getByLabel("Email").fill(email);
  await tablet.getByLabel("Password").fill(OWNER_PASSWORD);
  await tablet.getByRole("button", { name: "Sign in" }).click();
  await tablet.getByRole("navigation", { name: "Owner pages" }).getByRole("link", { name: "Staff" }).click();
  await tablet.getByLabel("Tablet name").fill("Front counter");
  await tablet.getByRole("button", { name: "Make this device a counter tablet" }).click();
  await expect(tablet.getByText("Front counter is a counter tablet now.")).toBeVisible();
  await tablet.getByRole("button", { name: "Sign out" }).click();
  await expect(tablet).toHaveURL(/\/owner\/sign-in/);

  // Jisoo signs in on the tablet with her PIN (a wrong one first) and redeems a coupon.
  await tablet.goto("/counter");
  await tablet.getByRole("radio", { name: "Jisoo" }).check();
  await tablet.getByLabel("PIN").fill("1357");
  await tablet.getByRole("button", { name: "Sign in" }).click();
  await expect(tablet.getByText("Wrong PIN. Try again.")).toBeVisible();
  await tablet.getByLabel("PIN").fill("2468");
  await tablet.getByRole("button", { name: "Sign in" }).click();
  await expect(tablet.getByText("Jisoo, on Front counter")).toBeVisible();
  await tablet.getByLabel("Coupon code").fill(codes[0]);
  await tablet.getByRole("button", { name: "Redeem" }).click();
  await expect(tablet.getByText(`Redeemed: Free tea (One cup), code ${codes[0]}.`)).toBeVisible();
  expect(await seriousViolations(tablet)).toEqual([]);
  await saveScreenshot(tablet, testInfo, "counter-tablet");

  // The owner sees who redeemed it, when, on which tablet; and revokes Jisoo.
  await owner.reload();
  const audit = owner.getByTestId("redemption-audit");
  await expect(audit).toContainText(codes[0]);
  await expect(audit.getByRole("row").filter({ hasText: codes[0] })).toContainText("Jisoo");
  await expect(audit.getByRole("row").filter({ hasText: codes[0] })).toContainText("Front counter");
  await saveScreenshot(owner, testInfo, "staff-audit");
  await owner.getByRole("button", { name: "Revoke Jisoo" }).click();
  await expect(owner.getByRole("list", { name: "Staff" })).toContainText("Jisoo — revoked");

  // At once: the tablet can no longer redeem, and Jisoo cannot sign in again.
  await tablet.getByLabel("Coupon code").fill(codes[1]);
  await tablet.getByRole("button", { name: "Redeem" }).click();
  await expect(tablet.getByText("No staff can sign in here yet.")).toBeVisible();
  await expect(tablet.getByRole("radio", { name: "Jisoo" })).toHaveCount(0);
  await owner.reload();
  await expect(owner.getByTestId("redemption-audit")).toContainText(codes[0]);
  await expect(owner.getByTestId("redemption-audit")).not.toContainText(codes[1]);
});
