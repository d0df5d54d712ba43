import { readFile } from "node:fs/promises";
import { type Browser, devices, type Page } from "@playwright/test";
import { ApiClient, openPollViaApi } from "./support/api";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";

async function phone(browser: Browser, url: string, locale: "en-US" | "ko-KR"): Promise<Page> {
  const context = await browser.newContext({ ...devices["Pixel 7"], locale });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const cloudWord = (screen: Page, word: string) => screen.getByTestId("cloud-word").filter({ hasText: new RegExp(`^${word}$`) });

/** Every word of the cloud lies inside the viewport: nothing overflows the TV. */
async function cloudFits(screen: Page) {
  const viewport = screen.viewportSize()!;
  const boxes = await screen.getByTestId("cloud-word").evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(viewport.width);
    expect(box.bottom).toBeLessThanOrEqual(viewport.height);
  }
  expect(await screen.evaluate(() => document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight)).toBe(true);
}

test("an open question: phones answer, the screen's word cloud grows live, and a word the owner hides leaves it within a second", async ({ browser, page: owner, baseURL }, testInfo) => {
  test.setTimeout(240_000); // four browsers and a dozen answers on a shared two-core machine
  await owner.goto("/owner/sign-up");
  await owner.getByLabel("Your name").fill("Mina Park");
  await owner.getByLabel("Restaurant name").fill("Hanok Table");
  await owner.getByLabel("Email").fill(`mina-open-${Date.now()}@example.com`);
  await owner.getByLabel("Password").fill("a long enough password");
  await owner.getByRole("button", { name: "Create account" }).click();
  await expect(owner.getByRole("heading", { name: "Your polls" })).toBeVisible();
  const question = "What should we add to the menu?";
  const poll = await owner.evaluate(async (text) => {
    const body = JSON.stringify({ question: text, kind: "open", presenceRequired: false });
    const answer = await fetch("/api/trpc/poll.create", { method: "POST", headers: { "content-type": "application/json" }, body });
    return (await answer.json()).result.data as { id: string; slug: string };
  }, question);
  await owner.goto(`/owner/polls/${poll.id}`);
  await owner.getByRole("button", { name: "Open poll" }).click();
  await expect(owner.getByText("Open", { exact: true })).toBeVisible();
  const shareUrl = (await owner.getByTestId("share-link").getAttribute("href"))!;

  const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" });
  const screen = await screenContext.newPage();
  await screen.goto(`/screen/${poll.slug}`);
  await expect(screen.getByText("Answers will appear here as words")).toBeVisible();

  // Two phones answer, in English and in Korean; more diners answer through the API.
  const first = await phone(browser, shareUrl, "en-US");
  await first.getByRole("textbox", { name: "Your answer" }).fill("More kimchi jjigae please");
  expect(await seriousViolations(first)).toEqual([]);
  await first.getByRole("button", { name: "Send", exact: true }).click();
  await expect(first.getByText("Thanks! Your answer counts.")).toBeVisible();
  await expect(first.getByTestId("my-answer")).toContainText("More kimchi jjigae please");
  expect(await seriousViolations(first)).toEqual([]);
  await saveScreenshot(first, testInfo, "diner-open-answer");

  const second = await phone(browser, shareUrl, "ko-KR");
  await second.getByRole("textbox", { name: "내 답변" }).fill("김치찌개가 최고예요");
  await second.getByRole("button", { name: "보내기", exact: true }).click();
  await expect(second.getByText("감사합니다! 답변이 반영되었습니다.")).toBeVisible();

  for (const text of ["Kimchi pancakes", "김치찌개는 더 맵게", "Spicy tteokbokki", "떡볶이도 좋아요", "bulgogi pizza"]) {
    const diner = await ApiClient.create(baseURL!);
    expect((await diner.submitAnswer(poll.id, text)).status).toBe("accepted");
    await diner.dispose();
  }

  // The screen shows the cloud live, with "김치찌개가" and "김치찌개는" as one word.
  await expect(cloudWord(screen, "kimchi")).toHaveCount(1);
  await expect(cloudWord(screen, "김치찌개")).toHaveCount(1);
  await expect(cloudWord(screen, "tteokbokki")).toHaveCount(1);
  await expect(screen.getByTestId("screen-total")).toHaveText("7");
  await cloudFits(screen);
  expect(await seriousViolations(screen)).toEqual([]);
  await saveScreenshot(screen, testInfo, "screen-word-cloud");
  await screen.setViewportSize({ width: 1280, height: 720 });
  await expect(cloudWord(screen, "kimchi")).toHaveCount(1);
  await cloudFits(screen);

  // The owner hides a word: once the hide is done, it leaves the open screen within a second.
  const wordHidden = owner.waitForResponse((response) => response.url().includes("answer.hideWord"));
  await owner.getByRole("button", { name: "Hide “kimchi” (2)" }).click();
  expect((await wordHidden).ok()).toBe(true);
  await expect(cloudWord(screen, "kimchi")).toHaveCount(0, { timeout: 1_000 });
  await expect(owner.getByTestId("owner-hidden-words")).toContainText("kimchi");
  await expect(cloudWord(screen, "김치찌개")).toHaveCount(1);

  // The owner searches the answers, hides one (its words leave the counts), and downloads them all.
  await owner.getByLabel("Search answers").fill("tteok");
  await expect(owner.getByTestId("owner-answers").getByRole("listitem")).toHaveCount(1);
  const answerHidden = owner.waitForResponse((response) => response.url().includes("answer.hideAnswer"));
  await owner.getByTestId("owner-answers").getByRole("button", { name: "Hide" }).click();
  expect((await answerHidden).ok()).toBe(true);
  await expect(owner.getByTestId("owner-answers")).toContainText("Hidden");
  await expect(cloudWord(screen, "tteokbokki")).toHaveCount(0, { timeout: 1_000 });
  await expect(screen.getByTestId("screen-total")).toHaveText("6");
  expect(await seriousViolations(owner)).toEqual([]);
  await saveScreenshot(owner, testInfo, "owner-open-answers");
  const download = owner.waitForEvent("download");
  await owner.getByRole("button", { name: "Download answers (CSV)" }).click();
  expect((await download).suggestedFilename()).toBe(`tableside-${poll.slug}-answers.csv`);
  const csv = await readFile(await (await download).path(), "utf8");
  expect(csv).toMatch(/^\ufeff?answer,answered_at,changed_at,voter,text,hidden,flagged\n/);
  expect(csv).toContain("김치찌개가 최고예요");

  // A phone back on the page sees its own answer instead of the form.
  await first.reload();
  await expect(first.getByTestId("my-answer")).toContainText("More kimchi jjigae please");
  await expect(first.getByRole("textbox", { name: "Your answer" })).toHaveCount(0);

  await screenContext.close();
  await first.context().close();
  await second.context().close();
});

test("an answer sent while the database is away: the page says it was not saved and keeps the text; sent again, it counts", async ({ app, browser }) => {
  const { owner, poll } = await openPollViaApi(app.url, { kind: "open", labels: [], presenceRequired: false });
  const page = await phone(browser, `${app.url}/p/${poll.slug}`, "en-US");
  // What the server answers while Postgres is away (test/durability/openAnswersPostgresAway.test.ts): nothing saved.
  let refused = 0;
  await page.route("**/api/trpc/answer.submit**", async (route) => {
    refused++;
    const error = { message: "the database is away for a moment: try again shortly", code: -32603, data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, path: "answer.submit", retryAfterMs: 2_000 } };
    await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error }) });
  });
  await page.getByRole("textbox", { name: "Your answer" }).fill("More mandu");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  // The page tries again by itself a few times (lib/voteRetry.ts), then says so.
  await expect(page.getByText("Your answer was not saved", { exact: false })).toBeVisible({ timeout: 40_000 });
  await expect(page.getByRole("textbox", { name: "Your answer" })).toHaveValue("More mandu");
  expect(refused).toBe(8);
  expect(await seriousViolations(page)).toEqual([]);

  await page.unroute("**/api/trpc/answer.submit**");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Thanks! Your answer counts.")).toBeVisible();
  expect(await owner.results(poll.id)).toMatchObject({ total: 1 });
  await owner.dispose();
});
