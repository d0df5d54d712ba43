import { type BrowserContext, devices, type Route } from "@playwright/test";
import { openPollViaApi } from "./support/api";
import { expect, test } from "./support/fixtures";

test.use({ ...devices["Pixel 7"] });

/**
 * The server takes the vote and answers; the phone never hears it (a cut connection, a server stopping). Nothing
 * of the lost answer reaches the browser: route.fetch() would keep its Set-Cookie (a voter identity minted in it),
 * so the cookie jar is put back as it was.
 */
async function cutAfterServerAnswered(route: Route, context: BrowserContext): Promise<void> {
  const cookies = await context.cookies();
  await route.fetch();
  await context.clearCookies();
  await context.addCookies(cookies);
  await route.abort("connectionreset");
}

/** What a server on its way down answers: nothing was counted, try again (tRPC's batch shape when batched). */
async function serviceUnavailable(route: Route): Promise<void> {
  const error = { message: "not taking votes right now", code: -32603, data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, path: "vote.cast" } };
  const body = route.request().url().includes("batch=1") ? [{ error }] : { error };
  await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify(body) });
}

test.describe("a vote whose answer was lost", () => {
  test.use({ locale: "en-US" });

  test("is sent again by the page, and the diner is told it is counted, counted once", async ({ app, page }) => {
    const { owner, poll } = await openPollViaApi(app.url, { labels: ["Bibimbap", "Japchae"] });
    let attempts = 0;
    await page.route("**/api/trpc/vote.cast**", async (route) => {
      attempts++;
      if (attempts === 1) return cutAfterServerAnswered(route, page.context());
      return route.continue();
    });
    await page.goto(`/p/${poll.slug}`);
    await page.getByRole("button", { name: "Japchae" }).click();
    await expect(page.getByText("Your vote is counted.", { exact: false })).toBeVisible();
    await expect(page.getByText("Couldn't reach the server.", { exact: false })).toHaveCount(0);
    expect(attempts).toBe(2);
    expect(await owner.results(poll.id)).toMatchObject({ total: 1 });
    await owner.dispose();
  });
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("a lost answer, then a server on its way down, then the answer: the vote is counted", async ({ app, page }) => {
    const { owner, poll } = await openPollViaApi(app.url, { labels: ["떡볶이", "김밥"] });
    let attempts = 0;
    await page.route("**/api/trpc/vote.cast**", async (route) => {
      attempts++;
      if (attempts === 1) return cutAfterServerAnswered(route, page.context());
      if (attempts === 2) return serviceUnavailable(route);
      return route.continue();
    });
    await page.goto(`/p/${poll.slug}`);
    await page.getByRole("button", { name: "김밥" }).click();
    await expect(page.getByText("투표가 집계되었습니다.", { exact: false })).toBeVisible();
    expect(attempts).toBe(3);
    expect(await owner.results(poll.id)).toMatchObject({ total: 1 });
    await owner.dispose();
  });
});

test.describe("a rolling restart", () => {
  test.use({ locale: "en-US" });

  test("a vote sent while the diner's server restarts goes in once it is back, without a reload", async ({ app, page }) => {
    test.setTimeout(120_000);
    const { owner, poll } = await openPollViaApi(app.url, { labels: ["Mandu", "Galbi"] });
    await page.goto(`/p/${poll.slug}`);
    await expect(page.getByRole("button", { name: "Galbi" })).toBeVisible();

    // SIGTERM: /api/ready turns 503 at once (votes are still taken through the drain delay), then the process ends.
    const stopped = app.stop();
    await expect.poll(async () => (await fetch(`${app.url}/api/ready`).catch(() => null))?.status ?? "gone").toBe(503);
    await stopped;
    await page.getByRole("button", { name: "Galbi" }).click();
    await expect(page.getByText("Sending your vote…")).toBeVisible();
    await app.start();

    await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible({ timeout: 30_000 });
    expect(await owner.results(poll.id)).toMatchObject({ total: 1 });
    await owner.dispose();
  });
});
