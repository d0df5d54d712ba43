import { openPollViaApi } from "./support/api";
import { expect, test } from "./support/fixtures";

test("a diner sends the poll to a friend: the system share sheet where there is one, else the link is copied", async ({ app, browser }) => {
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Hotteok", "Bingsu"] });
  await owner.dispose();
  const context = await browser.newContext({ locale: "en-US", permissions: ["clipboard-read", "clipboard-write"] });
  const diner = await context.newPage();
  await diner.goto(`/p/${poll.slug}`);
  // Chromium on Linux has no Web Share API (phones and other desktops do): this journey walks the fallback.
  expect(await diner.evaluate(() => typeof navigator.share)).toBe("undefined");
  await diner.getByRole("button", { name: "Send to a friend" }).click();
  await expect(diner.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await diner.evaluate(() => navigator.clipboard.readText())).toBe(`${app.url}/p/${poll.slug}`);
});
