import { ApiClient, openPollViaApi } from "./support/api";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";

test("the owner's, diner's and screen pages have no serious accessibility violations", async ({ app, page, browser }) => {
  const { owner, poll } = await openPollViaApi(app.url, { question: "Best banchan?", labels: ["Kimchi", "Kongnamul", "Japchae"] });
  const voter = await ApiClient.create(app.url);
  await voter.castVote(poll.id, [poll.options[0].id]);

  // Owner pages, signed in through the form.
  await page.goto("/owner/sign-up");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Your name").fill("Jisoo");
  await page.getByLabel("Restaurant name").fill("Banchan Bar");
  await page.getByLabel("Email").fill(`jisoo-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your polls" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "New poll" }).click();
  await page.getByRole("button", { name: "Create poll" }).click(); // empty: the errors must be accessible too
  await expect(page.getByText("Please fix the highlighted fields.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Question").fill("Best banchan?");
  await page.getByRole("textbox", { name: "Option 1" }).fill("Kimchi");
  await page.getByRole("textbox", { name: "Option 2" }).fill("Japchae");
  await page.getByRole("button", { name: "Create poll" }).click();
  await page.getByRole("button", { name: "Open poll" }).click();
  await expect(page.getByText("Total: 0")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The diner's page, before and after voting.
  // Pages of their own contexts: axe cannot run in a page opened by browser.newPage().
  const diner = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US" })).newPage();
  await diner.goto(`/p/${poll.slug}`);
  await expect(diner.getByRole("button", { name: "Kimchi" })).toBeVisible();
  expect(await seriousViolations(diner)).toEqual([]);
  await diner.getByRole("button", { name: "Japchae" }).click();
  await expect(diner.getByText("Your vote counted. Thank you!")).toBeVisible();
  expect(await seriousViolations(diner)).toEqual([]);

  // The live screen, open and closed.
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" })).newPage();
  await screen.goto(`/screen/${poll.slug}`);
  await expect(screen.getByTestId("screen-total")).toHaveText("2");
  expect(await seriousViolations(screen)).toEqual([]);
  await owner.closePoll(poll.id);
  await expect(screen.getByTestId("screen-winner")).toBeVisible();
  expect(await seriousViolations(screen)).toEqual([]);
  await Promise.all([diner.context().close(), screen.context().close(), owner.dispose(), voter.dispose()]);
});

test("pages speak Korean to a Korean browser, and the switch changes language and remembers it", async ({ app, browser }, testInfo) => {
  const { owner, poll } = await openPollViaApi(app.url, { question: "오늘의 메뉴는?", labels: ["비빔밥", "불고기"] });
  const context = await browser.newContext({ locale: "ko-KR", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/p/${poll.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByText("하나를 눌러 투표하세요", { exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, "diner-korean");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByText("Tap your choice", { exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByText("Tap your choice", { exact: true })).toBeVisible();

  // Keyboard only: tab to an option and vote with Enter.
  const option = page.getByRole("button", { name: "비빔밥" });
  for (let presses = 0; presses < 10 && !(await option.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(option).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your vote counted. Thank you!")).toBeVisible();
  await context.close();
  await owner.dispose();
});
