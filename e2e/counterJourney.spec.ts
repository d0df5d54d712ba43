import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, openPromotionWithCoupons, OWNER_PASSWORD, signUpInPage } from "./support/owner";

test("the counter forgives: a double tap stays green with the same time, a mistake is undone, today's list keeps both", async ({ app, browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US", timezoneId: "Asia/Seoul" });
  const owner = await context.newPage();
  const email = await signUpInPage(owner, "counter");
  const codes = await openPromotionWithCoupons(owner, app.url, 2);

  await owner.getByRole("navigation", { name: "Owner pages" }).getByRole("link", { name: "Redeem coupons" }).click();
  await expect(owner.getByRole("heading", { name: "Today's redemptions" })).toBeVisible();
  await expect(owner.getByText("No coupons redeemed today.")).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);

  // Typed as a person reads it off a phone: lower case, spaces, a dash, and O for 0 / l for 1 where they occur.
  const [code, second] = codes;
  const typed = `${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase().replaceAll("0", "o").replaceAll("1", "l");
  await owner.getByLabel("Coupon code").fill(typed);
  await owner.getByRole("button", { name: "Redeem", exact: true }).click();
  const success = owner.getByRole("status").filter({ hasText: `Redeemed: Free tea (One cup), code ${code}.` });
  await expect(success).toBeVisible();
  const redeemedAt = (await success.getByText(/Redeemed at .+\. Give the discount\./).textContent())!;

  // The second tap: the same green, the same time, never "already redeemed".
  await owner.getByRole("button", { name: "Redeem", exact: true }).click();
  await expect(success).toBeVisible();
  await expect(success).toContainText(redeemedAt);
  await expect(owner.getByText(/Already redeemed/)).toHaveCount(0);
  await expect(owner.getByTestId("redemptions-count")).toHaveText("1 coupon redeemed today");
  const row = owner.getByRole("row").filter({ hasText: code.slice(0, 4) });
  await expect(row).toContainText("Redeemed");
  expect(await seriousViolations(owner)).toEqual([]);
  await saveScreenshot(owner, testInfo, "counter-redeemed");

  // A mistake: undone within two minutes, kept in the list as undone; the coupon can then be redeemed again.
  await owner.getByRole("button", { name: `Undo the redemption of ${code}` }).first().click();
  await expect(owner.getByText(`Redemption of ${code} undone: the coupon can be used again.`)).toBeVisible();
  await expect(row).toContainText(/Undone at/);
  await expect(owner.getByTestId("redemptions-count")).toHaveText("0 coupons redeemed today");
  expect(await seriousViolations(owner)).toEqual([]);

  await owner.getByLabel("Coupon code").fill(second);
  await owner.getByRole("button", { name: "Redeem", exact: true }).click();
  await expect(owner.getByText(`Redeemed: Free tea (One cup), code ${second}.`)).toBeVisible();
  await owner.getByLabel("Coupon code").fill(code);
  await owner.getByRole("button", { name: "Redeem", exact: true }).click();
  await expect(owner.getByText(`Redeemed: Free tea (One cup), code ${code}.`)).toBeVisible();
  await expect(owner.getByTestId("redemptions-count")).toHaveText("2 coupons redeemed today");
  await expect(owner.getByRole("row")).toHaveCount(4); // header, two in force, one undone

  // Another device of the same account: that code is already redeemed there, and says when.
  const otherDevice = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US" });
  const other = await otherDevice.newPage();
  await apiMutation(other, "auth.signIn", { email, password: OWNER_PASSWORD });
  await other.goto("/owner/redeem");
  await other.getByLabel("Coupon code").fill(second);
  await other.getByRole("button", { name: "Redeem", exact: true }).click();
  await expect(other.getByText(/Already redeemed, on .+\. Don't give the discount again\./)).toBeVisible();
  expect(await seriousViolations(other)).toEqual([]);

  // The counter in Korean, for the same owner.
  await owner.getByRole("button", { name: "한국어" }).click();
  await expect(owner.getByRole("heading", { name: "오늘 사용된 쿠폰" })).toBeVisible();
  await expect(owner.getByTestId("redemptions-count")).toHaveText("오늘 쿠폰 2장 사용");
  expect(await seriousViolations(owner)).toEqual([]);
  await Promise.all([context.close(), otherDevice.close()]);
});
