import { devices } from "@playwright/test";
import { ApiClient, openPollViaApi } from "./support/api";
import { expect, test } from "./support/fixtures";

test.use({ ...devices["Pixel 7"], locale: "en-US" });

test("a diner is told to slow down, with a countdown, when the server says too fast", async ({ app, page }) => {
  const { poll } = await openPollViaApi(app.url, { labels: ["Tteokbokki", "Kimbap"] });
  let refused = false;
  // The answer a rate-limited vote gets (the limiter is the server's business; the page's is to say so).
  await page.route("**/api/trpc/vote.cast**", async (route) => {
    if (refused) return route.continue();
    refused = true;
    const error = { message: "slow down", code: -32029, data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path: "vote.cast", retryAfterSeconds: 2 } };
    await route.fulfill({ status: 429, contentType: "application/json", body: JSON.stringify(route.request().url().includes("batch=1") ? [{ error }] : { error }) });
  });
  await page.goto(`/p/${poll.slug}`);
  await page.getByRole("button", { name: "Kimbap" }).click();
  await expect(page.getByText(/Too fast — try again in [12] s/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Kimbap" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Kimbap" })).toBeEnabled({ timeout: 5_000 });
  await page.getByRole("button", { name: "Kimbap" }).click();
  await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible();
});

test("a diner whose poll closed meanwhile is told so, and one arriving later sees it closed with the results", async ({ app, page }) => {
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Soju", "Makgeolli"] });
  // Live updates never reach this page, so it still offers the vote after the poll closes behind its back.
  await page.routeWebSocket(/\/api\/trpc/, () => {});
  await page.goto(`/p/${poll.slug}`);
  await expect(page.getByRole("button", { name: "Soju" })).toBeVisible();
  await owner.closePoll(poll.id);
  await page.getByRole("button", { name: "Soju" }).click();
  await expect(page.getByText("This poll is closed.")).toBeVisible();

  const later = await page.context().browser()!.newPage({ ...devices["Pixel 7"], locale: "en-US" });
  await later.goto(`/p/${poll.slug}`);
  await expect(later.getByText("This poll is closed.")).toBeVisible();
  await expect(later.getByRole("button", { name: "Soju" })).toHaveCount(0);
  await expect(later.getByRole("list", { name: "Results" })).toBeVisible();
  await later.close();
  await owner.dispose();
});

test("with results shown after voting, a diner sees them only once the vote is in", async ({ app, page }) => {
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Rice", "Noodles"], resultsVisibility: "after_vote" });
  const other = await ApiClient.create(app.url);
  await other.castVote(poll.id, [poll.options[1].id]);
  await page.goto(`/p/${poll.slug}`);
  await expect(page.getByRole("button", { name: "Rice" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Results" })).toHaveCount(0);
  await page.getByRole("button", { name: "Rice" }).click();
  await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(page.getByRole("list", { name: "Results" })).toContainText("1 vote · 50%");
  await Promise.all([owner.dispose(), other.dispose()]);
});
