import { devices } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, signUpInPage } from "./support/owner";

type Poll = { id: string; slug: string };
const phone = { ...devices["Pixel 7"], locale: "en-US" };

test("proof of presence: a diner from afar is told how to get the room code; the code from the screen, typed or scanned, counts and wins", async ({ browser, page: owner }, testInfo) => {
  await signUpInPage(owner, "presence");
  // A promotion turns proof of presence on by default.
  const poll = await apiMutation<Poll>(owner, "poll.create", {
    question: "Dessert tonight?",
    options: [{ label: "Hotteok" }, { label: "Bingsu" }],
    promotion: { title: "Free tea", discount: "One cup", quantity: 5, validUntil: new Date(Date.now() + 86_400_000) },
  });
  await apiMutation(owner, "poll.open", { pollId: poll.id });
  await owner.goto(`/owner/polls/${poll.id}`);
  await expect(owner.getByText("Diners must be in the restaurant to vote")).toBeVisible();

  // The screen, opened from the owner's page, shows the room code, and its QR code carries it.
  const screenPath = (await owner.getByTestId("screen-link").getAttribute("href"))!;
  expect(screenPath).toMatch(new RegExp(`^/screen/${poll.slug}\\?key=`));
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" })).newPage();
  await screen.goto(screenPath);
  const roomCode = (await screen.getByTestId("room-code").getAttribute("aria-label"))!;
  expect(roomCode).toMatch(/^\d{6}$/);
  await expect(screen.getByTestId("room-code")).toHaveText(`${roomCode.slice(0, 3)} ${roomCode.slice(3)}`);
  const qrLabel = (await screen.getByRole("img", { name: /^Scan to vote: / }).getAttribute("aria-label"))!;
  const scannedUrl = qrLabel.replace(/^Scan to vote: /, "");
  expect(new URL(scannedUrl).searchParams.get("room")).toBe(roomCode);
  await saveScreenshot(screen, testInfo, "screen-room-code");

  // A diner with only the link is refused with the way to get the code, and wins nothing.
  const diner = await (await browser.newContext(phone)).newPage();
  await diner.goto(`/p/${poll.slug}`);
  await diner.getByRole("button", { name: "Hotteok" }).click();
  await expect(diner.getByText("Only diners in the restaurant can vote: type the 6-digit code shown on the restaurant's screen").first()).toBeVisible();
  await expect(diner.getByTestId("won-coupon")).toHaveCount(0);
  expect(await seriousViolations(diner)).toEqual([]);
  await saveScreenshot(diner, testInfo, "diner-room-code");

  // Typing the code from the screen: counted, and the coupon is won.
  await diner.getByLabel("Room code").fill(`${roomCode.slice(0, 3)} ${roomCode.slice(3)}`);
  await diner.getByRole("button", { name: "Hotteok" }).click();
  await expect(diner.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(diner.getByTestId("won-coupon")).toContainText("Free tea: One cup");

  // Scanning the screen's QR code: the code comes with the link.
  const scanner = await (await browser.newContext(phone)).newPage();
  await scanner.goto(scannedUrl);
  await expect(scanner.getByLabel("Room code")).toHaveValue(roomCode);
  await scanner.getByRole("button", { name: "Bingsu" }).click();
  await expect(scanner.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(scanner.getByTestId("won-coupon")).toContainText("Free tea: One cup");

  await expect(owner.getByTestId("promotion-stock")).toHaveText("3 of 5 coupons left");
  // What the promotion did: two diner pages opened, two votes, two coupons, none redeemed yet.
  await expect(owner.getByTestId("funnel-totals")).toHaveText("Page opens 2 → Votes 2 → Coupons won 2 → Redeemed 0");
});
