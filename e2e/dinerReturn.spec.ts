import { type Browser, devices } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, signUpInPage } from "./support/owner";

type Created = { id: string; slug: string; options: { id: string; label: string }[] };
const phone = { ...devices["Pixel 7"], locale: "en-US" };
const newPhone = async (browser: Browser) => (await browser.newContext(phone)).newPage();

test("ballot cards end to end: the card's QR code opens the poll with its code, the vote and coupon follow the card, coupons run out, a used coupon is stamped", async ({ browser }, testInfo) => {
  const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const owner = await ownerContext.newPage();
  await signUpInPage(owner, "ballots");
  const poll = await apiMutation<Created>(owner, "poll.create", {
    question: "Chef's table: which course?",
    options: [{ label: "Galbi-jjim" }, { label: "Haemul pajeon" }],
    ballotCodes: 3,
    promotion: { title: "Free makgeolli", discount: "1 bowl", quantity: 1, validUntil: new Date(Date.now() + 86_400_000) },
  });
  await apiMutation(owner, "poll.open", { pollId: poll.id });

  // The owner prints the cards: one per ballot code, each QR code with its own link.
  await owner.goto(`/owner/polls/${poll.id}/cards`);
  await expect(owner.getByTestId("table-card")).toHaveCount(3);
  const links = await owner.getByRole("img", { name: /^Scan to vote: / }).evaluateAll((qrs) => qrs.map((qr) => qr.getAttribute("aria-label")!.replace("Scan to vote: ", "")));
  expect(links[0]).toMatch(new RegExp(`/p/${poll.slug}\\?code=1-`));

  // Card 1, scanned: the vote goes in with the card's code and wins the one coupon.
  const first = await newPhone(browser);
  await first.goto(links[0]);
  await first.getByRole("button", { name: /Haemul pajeon/ }).click();
  await expect(first.getByText("Your vote counted")).toBeVisible();
  const code = (await first.getByTestId("coupon-code").textContent())!;

  // The same card on another phone: the earlier vote and the coupon are shown, nothing asks to vote again.
  const again = await newPhone(browser);
  await again.goto(links[0]);
  await expect(again.getByText(/You voted for Haemul pajeon/)).toBeVisible();
  await expect(again.getByTestId("coupon-code")).toHaveText(code);
  await expect(again.getByRole("button", { name: /Galbi-jjim/ })).toHaveCount(0);
  expect(await seriousViolations(again)).toEqual([]);
  await saveScreenshot(again, testInfo, "diner-earlier-vote");

  // Card 2: the coupon is gone, and the diner is told so.
  const second = await newPhone(browser);
  await second.goto(links[1]);
  await expect(second.getByText("All 1 coupons have been won. You can still vote.")).toBeVisible();
  await second.getByRole("button", { name: /Galbi-jjim/ }).click();
  await expect(second.getByText("All 1 coupons were won before your vote. Your vote still counts.")).toBeVisible();
  await saveScreenshot(second, testInfo, "diner-coupons-gone");

  // At the counter the coupon is redeemed: card 1's page now shows it stamped as used, with no code to show.
  await apiMutation(owner, "promotion.redeem", { code });
  await first.reload();
  const used = first.getByTestId("won-coupon");
  await expect(used).toHaveAttribute("data-used", "true");
  await expect(used).toContainText("Used");
  await expect(first.getByTestId("coupon-code")).toHaveCount(0);
  await expect(used.getByRole("img")).toHaveCount(0);
  expect(await seriousViolations(first)).toEqual([]);
  await saveScreenshot(first, testInfo, "diner-coupon-used");
  await Promise.all([ownerContext.close(), first.context().close(), again.context().close(), second.context().close()]);
});

test("the diner's page is rendered on the server: question and options are there without JavaScript", async ({ browser }) => {
  const ownerContext = await browser.newContext({ locale: "en-US" });
  const owner = await ownerContext.newPage();
  await signUpInPage(owner, "ssr");
  const poll = await apiMutation<Created>(owner, "poll.create", { question: "Noodles or rice?", options: [{ label: "Japchae" }, { label: "Bibimbap" }] });
  await apiMutation(owner, "poll.open", { pollId: poll.id });
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const diner = await context.newPage();
  await diner.goto(`/p/${poll.slug}`);
  await expect(diner.getByRole("heading", { name: "Noodles or rice?" })).toBeVisible();
  await expect(diner.getByRole("button", { name: /Japchae/ })).toBeVisible();
  await expect(diner.getByRole("button", { name: /Bibimbap/ })).toBeVisible();
  await Promise.all([context.close(), ownerContext.close()]);
});
