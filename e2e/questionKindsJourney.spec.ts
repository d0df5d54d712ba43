import { type Browser, devices, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, signUpInPage } from "./support/owner";

const phone = { ...devices["Pixel 7"], locale: "en-US" };

// Each journey runs an owner, a TV and two phones through a whole poll, with axe on every new state.
test.describe.configure({ timeout: 180_000 });

async function diner(browser: Browser, shareUrl: string): Promise<Page> {
  const page = await (await browser.newContext(phone)).newPage();
  await page.goto(shareUrl);
  return page;
}

async function tvScreen(browser: Browser, shareUrl: string): Promise<Page> {
  const slug = new URL(shareUrl).pathname.split("/").at(-1)!;
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" })).newPage();
  await screen.goto(`/screen/${slug}`);
  return screen;
}

/**
 * The owner picks a kind on the creation form (its preview follows), lets answers change, creates and opens the poll.
 * `dishes`: a rating per dish's dishes, ticked from the menu.
 */
async function createAndOpen(owner: Page, kind: string, question: string, options: string[], dishes: string[] = []): Promise<string> {
  await owner.getByRole("link", { name: "New poll" }).click();
  await owner.getByLabel("Question").fill(question);
  await owner.getByRole("radio", { name: new RegExp(`^${kind}`) }).check();
  await owner.getByLabel("Diners may change their answer until the poll closes").check();
  for (const [i, label] of options.entries()) {
    if (i >= 2) await owner.getByRole("button", { name: "Add an option" }).click();
    await owner.getByRole("textbox", { name: `Option ${i + 1}` }).fill(label);
  }
  for (const dish of dishes) await owner.getByRole("checkbox", { name: dish }).check();
  if (dishes.length > 0) await expect(owner.getByTestId("kind-preview-dishes")).toHaveText(new RegExp(dishes.join(".*")));
  await expect(owner.getByTestId("kind-preview")).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByRole("button", { name: "Create poll" }).click();
  await expect(owner.getByRole("heading", { name: question })).toBeVisible();
  await owner.getByRole("button", { name: "Open poll" }).click();
  await expect(owner.getByText("Open", { exact: true })).toBeVisible();
  return (await owner.getByTestId("share-link").getAttribute("href"))!;
}

test("a star rating: phones rate and change their stars, the screen shows the average and histogram live, the close shows the result", async ({ browser, page: owner }, testInfo) => {
  await signUpInPage(owner);
  const shareUrl = await createAndOpen(owner, "Star rating", "How was today's special?", []);
  const screen = await tvScreen(browser, shareUrl);
  await expect(screen.getByTestId("screen-rating-average")).toContainText("0 ratings");

  const first = await diner(browser, shareUrl);
  await first.getByRole("button", { name: "4 stars" }).click();
  await expect(first.getByText("Your vote counted. Thank you!")).toBeVisible();
  const second = await diner(browser, shareUrl);
  await second.getByRole("button", { name: "2 stars" }).click();
  await expect(screen.getByTestId("screen-rating-average")).toContainText("3.0");
  await expect(screen.getByTestId("screen-rating-average")).toContainText("2 ratings");
  expect(await seriousViolations(second)).toEqual([]);

  // The second diner changes their mind: the screen moves in one step, the count stays at two.
  await second.getByRole("button", { name: "Change my answer" }).click();
  await second.getByRole("button", { name: "5 stars" }).click();
  await expect(second.getByText("Your answer was changed. The new one counts.")).toBeVisible();
  await expect(screen.getByTestId("screen-rating-average")).toContainText("4.5");
  await expect(screen.getByTestId("screen-rating-average")).toContainText("2 ratings");
  expect(await seriousViolations(second)).toEqual([]);
  expect(await seriousViolations(screen)).toEqual([]);
  await saveScreenshot(screen, testInfo, "screen-rating");

  await closePoll(owner);
  await expect(screen.getByTestId("screen-winner")).toContainText("4.5");
  await expect(owner.getByTestId("owner-rating-average")).toContainText("4.5 out of 5");
  await first.reload();
  await expect(first.getByRole("button", { name: "Change my answer" })).toHaveCount(0);
});

test("a star rating per dish: phones rate each dish by thumb and by keyboard, the screen shows each dish live, the close shows the best dish", async ({ browser, page: owner }, testInfo) => {
  await signUpInPage(owner);
  for (const nameEn of ["Bibimbap", "Japchae", "Mandu"]) await apiMutation(owner, "menu.add", { nameEn, priceCents: 1_200 });
  const shareUrl = await createAndOpen(owner, "Star rating", "How was dinner?", [], ["Bibimbap", "Japchae"]);
  const screen = await tvScreen(browser, shareUrl);
  const dishOnScreen = (name: string) => screen.getByTestId("screen-dish-rating").filter({ hasText: name });
  await expect(dishOnScreen("Japchae")).toContainText("0 ratings");

  // By thumb: a tap on a star of each dish, then send.
  const first = await diner(browser, shareUrl);
  await first.getByTestId("rate-1-4").click();
  await first.getByTestId("rate-2-5").click();
  await expect(first.getByRole("radio", { name: "Japchae: 5 stars" })).toBeChecked();
  expect(await seriousViolations(first)).toEqual([]);
  await saveScreenshot(first, testInfo, "diner-rating-per-dish");
  await first.getByRole("button", { name: "Send my ratings" }).click();
  await expect(first.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(first.getByTestId("dish-rating").filter({ hasText: "Japchae" })).toContainText("1 ratings");
  expect(await seriousViolations(first)).toEqual([]);

  // By keyboard: the arrow keys move along a dish's stars; Japchae is left unrated.
  const second = await diner(browser, shareUrl);
  await second.getByRole("radio", { name: "Bibimbap: 1 star" }).focus();
  await second.keyboard.press("Space");
  await second.keyboard.press("ArrowRight");
  await expect(second.getByRole("radio", { name: "Bibimbap: 2 stars" })).toBeChecked();
  await second.getByRole("button", { name: "Send my ratings" }).press("Enter");
  await expect(second.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(dishOnScreen("Bibimbap")).toContainText("3.0");
  await expect(dishOnScreen("Bibimbap")).toContainText("2 ratings");
  await expect(dishOnScreen("Japchae")).toContainText("5.0");
  await expect(dishOnScreen("Japchae")).toContainText("1 ratings");

  // The second diner comes back and adds Japchae: their earlier stars are shown, the screen moves in one step.
  await second.reload();
  await expect(second.getByText(/You voted for Bibimbap ★2/)).toBeVisible();
  await second.getByRole("button", { name: "Change my answer" }).click();
  await expect(second.getByRole("radio", { name: "Bibimbap: 2 stars" })).toBeChecked();
  await second.getByTestId("rate-2-3").click();
  await second.getByRole("button", { name: "Send my ratings" }).click();
  await expect(second.getByText("Your answer was changed. The new one counts.")).toBeVisible();
  await expect(dishOnScreen("Japchae")).toContainText("4.0");
  await expect(dishOnScreen("Japchae")).toContainText("2 ratings");
  await expect(dishOnScreen("Bibimbap")).toContainText("2 ratings");
  await expect(screen.getByTestId("screen-total")).toHaveText("2");
  expect(await seriousViolations(second)).toEqual([]);
  expect(await seriousViolations(screen)).toEqual([]);
  await saveScreenshot(screen, testInfo, "screen-rating-per-dish");

  await expect(owner.getByTestId("dish-rating").filter({ hasText: "Japchae" })).toContainText("★ 4.0");
  expect(await seriousViolations(owner)).toEqual([]);
  await closePoll(owner);
  await expect(screen.getByTestId("screen-winner")).toContainText("Best rated dish");
  await expect(screen.getByTestId("screen-winner")).toContainText("Japchae ★ 4.0");
  expect(await seriousViolations(screen)).toEqual([]);
});

test("a ranking: phones order options by tapping and by keyboard, the screen shows the current order with points, the close shows the winner", async ({ browser, page: owner }, testInfo) => {
  await signUpInPage(owner);
  const shareUrl = await createAndOpen(owner, "Ranking", "Rank the desserts", ["Hotteok", "Bingsu", "Yakgwa"]);
  const screen = await tvScreen(browser, shareUrl);

  // By thumb: taps put the options in order.
  const first = await diner(browser, shareUrl);
  for (const label of ["Bingsu", "Hotteok", "Yakgwa"]) await first.getByRole("button", { name: label, exact: true }).click();
  await expect(first.getByTestId("ranking-order")).toHaveText(/1Bingsu.*2Hotteok.*3Yakgwa/);
  expect(await seriousViolations(first)).toEqual([]);
  await first.getByRole("button", { name: "Send my vote" }).click();
  await expect(first.getByText("Your vote counted. Thank you!")).toBeVisible();

  // By keyboard: Tab to an option, Enter to rank it, then move it with the buttons.
  const second = await diner(browser, shareUrl);
  await second.getByRole("button", { name: "Yakgwa", exact: true }).focus();
  await second.keyboard.press("Enter");
  await second.getByRole("button", { name: "Hotteok", exact: true }).focus();
  await second.keyboard.press("Enter");
  await second.getByRole("button", { name: "Move Hotteok up" }).focus();
  await second.keyboard.press("Enter");
  await expect(second.getByTestId("ranking-order")).toHaveText(/1Hotteok.*2Yakgwa/);
  await second.getByRole("button", { name: "Send my vote" }).press("Enter");
  await expect(second.getByText("Your vote counted. Thank you!")).toBeVisible();

  // Borda: 3 points for a first place, 2 for a second, 1 for a third. Bingsu 3, Hotteok 2 + 3, Yakgwa 1 + 2.
  const row = (label: string) => screen.getByTestId("screen-ranked").filter({ hasText: label });
  await expect(row("Hotteok")).toContainText("5 points");
  await expect(row("Bingsu")).toContainText("3 points");
  await expect(row("Yakgwa")).toContainText("3 points");
  await expect(screen.getByTestId("screen-ranked").first()).toContainText("Hotteok");
  expect(await seriousViolations(screen)).toEqual([]);
  await saveScreenshot(screen, testInfo, "screen-ranking");

  await closePoll(owner);
  await expect(screen.getByTestId("screen-winner")).toContainText("Hotteok");
  await expect(screen.getByTestId("screen-winner")).toContainText("5 points");
});

async function closePoll(owner: Page) {
  await owner.getByRole("button", { name: "Close poll" }).click();
  await owner.getByRole("group", { name: /Close this poll/ }).getByRole("button", { name: "Close poll" }).click();
}
