import { type Browser, devices, type Locator } from "@playwright/test";
import { openPollViaApi } from "./support/api";
import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// A phone whose browser runs no script: the options are a real form (server/http/formVote.ts).
test.use({ ...devices["Pixel 7"], locale: "en-US", javaScriptEnabled: false });

/** A phone whose page's scripts are held back, as a slow link would, until `release` is called. */
async function phoneWithScriptsHeldBack(browser: Browser, locale: "en-US" | "ko-KR") {
  const context = await browser.newContext({ ...devices["Pixel 7"], locale, javaScriptEnabled: true });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/_next/static/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  return { context, page: await context.newPage(), release };
}

const isHydrated = (element: Locator) => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactProps$")));

test("without JavaScript a diner votes once, is told it counted, and a second vote is told it was already in", async ({ app, page }) => {
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Tteokbokki", "Kimbap"] });
  await page.goto(`/p/${poll.slug}`);
  await page.getByRole("button", { name: "Kimbap" }).click();
  await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(page.getByRole("button", { name: "Kimbap" })).toHaveCount(0);
  const kimbap = poll.options.find((o) => o.label === "Kimbap")!;
  await expect.poll(async () => (await owner.results(poll.id))?.counts?.[kimbap.id]).toBe(1);

  await page.goto(`/p/${poll.slug}`);
  await page.getByRole("button", { name: "Tteokbokki" }).click();
  await expect(page.getByText("You already voted in this poll.")).toBeVisible();
  await owner.dispose();
});

test("without JavaScript a vote on a poll closed meanwhile is told so, and a multiple-choice poll takes its ticks", async ({ app, page }) => {
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Soju", "Makgeolli"] });
  await page.goto(`/p/${poll.slug}`);
  await owner.closePoll(poll.id);
  await page.getByRole("button", { name: "Soju" }).click();
  await expect(page.getByText("This poll is closed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Soju" })).toHaveCount(0);

  const many = await openPollViaApi(app.url, { labels: ["Bibimbap", "Japchae", "Bulgogi"], multipleChoice: true, maxChoices: 2 });
  await page.goto(`/p/${many.poll.slug}`);
  await page.getByRole("checkbox", { name: "Bibimbap" }).check();
  await page.getByRole("checkbox", { name: "Bulgogi" }).check();
  await page.getByRole("button", { name: "Send my vote" }).click();
  await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible();
  const results = await many.owner.results(many.poll.id);
  expect(results?.total).toBe(1);
  await Promise.all([owner.dispose(), many.owner.dispose()]);
});

test("without JavaScript a poll for diners in the room asks for the room code, and a wrong one is refused", async ({ app, page }) => {
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Hotteok", "Bingsu"], presenceRequired: true });
  await page.goto(`/p/${poll.slug}`);
  await page.getByRole("button", { name: "Bingsu" }).click();
  await expect(page.locator(".notice").getByText(/type the 6-digit code shown on the restaurant's screen/)).toBeVisible();
  await page.getByLabel("Room code").fill("000000");
  await page.getByRole("button", { name: "Bingsu" }).click();
  await expect(page.getByText(/That code isn't valid any more/)).toBeVisible();
  expect((await owner.results(poll.id))?.total ?? 0).toBe(0);
  await owner.dispose();
});

test("a vote form posted from another site is refused, and nothing is counted", async ({ app }) => {
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Soju", "Makgeolli"] });
  const body = new URLSearchParams({ pollId: poll.id, optionId: poll.options[0].id });
  const answer = await fetch(`${app.url}/p/${poll.slug}/vote`, {
    method: "POST",
    headers: { origin: "https://elsewhere.example", "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
  expect(answer.status).toBe(403);
  expect((await owner.results(poll.id))?.total ?? 0).toBe(0);
  await owner.dispose();
});

test("the page as it is without its script passes axe: the poll, a vote counted, the room code asked for, a closed poll", async ({ app, browser }) => {
  // axe is itself a script: this browser runs JavaScript, but none of the page's own (every script under
  // /_next/static is refused), so the page stays as the server sent it and its form posts as above.
  const context = await browser.newContext({ ...devices["Pixel 7"], locale: "en-US", javaScriptEnabled: true });
  await context.route("**/_next/static/**/*.js", (route) => route.abort());
  const page = await context.newPage();
  const hydrated = () => isHydrated(page.locator("button.vote-option").first());
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Tteokbokki", "Kimbap"] });
  const room = await openPollViaApi(app.url, { labels: ["Hotteok", "Bingsu"], presenceRequired: true });
  const found: Record<string, unknown> = {};

  await page.goto(`/p/${poll.slug}`);
  expect(await hydrated()).toBe(false);
  found.poll = await seriousViolations(page);
  await page.getByRole("button", { name: "Kimbap" }).click();
  await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible();
  found.counted = await seriousViolations(page);

  await page.goto(`/p/${room.poll.slug}`);
  await page.getByRole("button", { name: "Bingsu" }).click();
  await expect(page.locator(".notice").getByText(/type the 6-digit code shown on the restaurant's screen/)).toBeVisible();
  found.roomCode = await seriousViolations(page);

  await owner.closePoll(poll.id);
  await page.goto(`/p/${poll.slug}`);
  await expect(page.getByText("This poll is closed.")).toBeVisible();
  found.closed = await seriousViolations(page);

  expect(found).toEqual({ poll: [], counted: [], roomCode: [], closed: [] });
  await Promise.all([context.close(), owner.dispose(), room.owner.dispose()]);
});

test("a tap before the page's scripts have arrived already votes: on a slow link the button works as soon as it shows", async ({ app, browser }) => {
  const { context, page, release } = await phoneWithScriptsHeldBack(browser, "en-US");
  const { owner, poll } = await openPollViaApi(app.url, { labels: ["Tteokbokki", "Kimbap"] });

  await page.goto(`/p/${poll.slug}`, { waitUntil: "commit" });
  const kimbap = page.getByRole("button", { name: "Kimbap" });
  await expect(kimbap).toBeVisible();
  expect(await isHydrated(kimbap)).toBe(false);
  await kimbap.click({ noWaitAfter: true });
  release();
  await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible();
  const option = poll.options.find((o) => o.label === "Kimbap")!;
  await expect.poll(async () => (await owner.results(poll.id))?.counts?.[option.id]).toBe(1);
  expect((await owner.results(poll.id))?.total).toBe(1);
  await Promise.all([context.close(), owner.dispose()]);
});

test("an answer typed before the page's scripts have arrived is kept: once they run, the send button takes it", async ({ app, browser }) => {
  const { context, page, release } = await phoneWithScriptsHeldBack(browser, "ko-KR");
  const { owner, poll } = await openPollViaApi(app.url, { kind: "open", labels: [] });

  await page.goto(`/p/${poll.slug}`, { waitUntil: "commit" });
  const answer = page.getByRole("textbox", { name: "내 답변" });
  await answer.fill("김치찌개가 최고예요");
  expect(await isHydrated(answer)).toBe(false);
  release();
  await expect.poll(() => isHydrated(answer)).toBe(true);
  await expect(answer).toHaveValue("김치찌개가 최고예요");
  await page.getByRole("button", { name: "보내기", exact: true }).click();
  await expect(page.getByText("감사합니다! 답변이 반영되었습니다.")).toBeVisible();
  await expect(page.getByTestId("my-answer")).toContainText("김치찌개가 최고예요");
  await Promise.all([context.close(), owner.dispose()]);
});
