import { chromium } from "@playwright/test";
import { ApiClient, openPollViaApi } from "./support/api";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { overflowsOf } from "./support/screenLayout";

const FULL_HD = { width: 1920, height: 1080 };

test("the restaurant TV rests, then puts a newly opened poll on with its room code: readable at 1080p in both languages, no serious axe findings", async ({ app, browser }, testInfo) => {
  const owner = await ApiClient.create(app.url);
  await owner.signUp({ email: `tv-${Date.now()}@example.com`, password: "a long enough password", name: "Mina", restaurantName: "Hanok Table" });
  const tvPath = `${await owner.restaurantScreenPath()}&every=600`;

  // Nothing open, nothing won, no specials: the TV at rest says so, in the room's language.
  const korean = await (await browser.newContext({ viewport: FULL_HD, locale: "ko-KR" })).newPage();
  await korean.goto(tvPath);
  await expect(korean.getByRole("heading", { name: "지금 진행 중인 투표가 없습니다." })).toBeVisible();
  await korean.context().close();
  const context = await browser.newContext({ viewport: FULL_HD, locale: "en-US" });
  const tv = await context.newPage();
  await tv.goto(tvPath);
  await expect(tv.getByTestId("tv-idle")).toContainText("No poll is open right now.");
  expect(await seriousViolations(tv)).toEqual([]);
  expect(await overflowsOf(tv)).toEqual({ outside: [], clipped: [] });

  // A poll that asks for presence opens: it comes on at once, with the room code the TV link's key lets it show.
  const poll = await owner.createPoll({ question: "Which soup tonight?", options: [{ label: "Doenjang" }, { label: "Kimchi" }], presenceRequired: true });
  await owner.openPoll(poll.id);
  await expect(tv.getByRole("heading", { name: "Which soup tonight?" })).toBeVisible();
  await expect(tv.getByTestId("room-code")).toHaveText(/^\d{3} \d{3}$/);
  await saveScreenshot(tv, testInfo, "restaurant-tv-room-code");
  expect(await seriousViolations(tv)).toEqual([]);
  expect(await overflowsOf(tv)).toEqual({ outside: [], clipped: [] });

  // Without the key (the public restaurant id alone) the poll is on, but not its room code.
  const keyless = await context.newPage();
  await keyless.goto(new URL(tvPath, app.url).pathname);
  await expect(keyless.getByRole("heading", { name: "Which soup tonight?" })).toBeVisible();
  await expect(keyless.getByRole("img", { name: /Scan to vote/ })).toBeVisible();
  await expect(keyless.getByTestId("room-code")).toHaveCount(0);
  await context.close();
  await owner.dispose();
});

test("the restaurant TV at rest shows today's specials: the winner of an archived menu vote, readable at 1080p, no serious axe findings", async ({ app, browser }) => {
  const owner = await ApiClient.create(app.url);
  await owner.signUp({ email: `tv-specials-${Date.now()}@example.com`, password: "a long enough password", name: "Mina", restaurantName: "Hanok Table" });
  const dish = await owner.addMenuItem({ nameEn: "Galbi-jjim", nameKo: "갈비찜", priceCents: 2_400 });
  const vote = await owner.createPoll({ question: "Next week's special?", options: [{ label: "Galbi-jjim", menuItemId: dish.id }, { label: "Other" }] });
  await owner.openPoll(vote.id);
  const diner = await ApiClient.create(app.url);
  await diner.castVote(vote.id, [vote.options[0].id]);
  await owner.closePoll(vote.id);
  const today = new Date().toISOString().slice(0, 10); // the restaurant's clock is UTC by default
  await owner.makeWinnerSpecial({ pollId: vote.id, startsOn: today, endsOn: today });
  await owner.archivePoll(vote.id); // off the TV as a result; its dish stays on as the special

  const tv = await (await browser.newContext({ viewport: FULL_HD, locale: "en-US" })).newPage();
  await tv.goto(await owner.restaurantScreenPath());
  await expect(tv.getByTestId("tv-specials")).toContainText("Galbi-jjim");
  await expect(tv.getByRole("heading", { name: "Today's specials" })).toBeVisible();
  expect(await seriousViolations(tv)).toEqual([]);
  expect(await overflowsOf(tv)).toEqual({ outside: [], clipped: [] });
  await tv.context().close();
  await Promise.all([owner.dispose(), diner.dispose()]);
});

test("the restaurant TV cycles two polls, shows one opened meanwhile and the winner at a close, and rides out a server restart without a reload", async ({ app, page: tv }, testInfo) => {
  test.setTimeout(180_000);
  const { owner, poll: lunch } = await openPollViaApi(app.url, { question: "Lunch special?", labels: ["Bibimbap", "Naengmyeon"] });
  const dessert = await owner.createPoll({ question: "Dessert of the week?", options: [{ label: "Bingsu" }, { label: "Hotteok" }] });
  await owner.openPoll(dessert.id);
  await tv.setViewportSize(FULL_HD);
  await tv.goto(`${await owner.restaurantScreenPath()}&every=3`);
  await tv.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // In turn, round and round.
  const lunchOnScreen = tv.getByRole("heading", { name: "Lunch special?" });
  const dessertOnScreen = tv.getByRole("heading", { name: "Dessert of the week?" });
  await expect(lunchOnScreen).toBeVisible();
  await expect(dessertOnScreen).toBeVisible();
  await expect(lunchOnScreen).toBeVisible();

  // A poll opened meanwhile comes on at once, and then takes its turn.
  const drink = await owner.createPoll({ question: "Drink to go with it?", options: [{ label: "Sikhye" }, { label: "Makgeolli" }] });
  await owner.openPoll(drink.id);
  await expect(tv.getByRole("heading", { name: "Drink to go with it?" })).toBeVisible();

  // A close puts the winner on.
  const voter = await ApiClient.create(app.url);
  await voter.castVote(lunch.id, [lunch.options[1].id]);
  await owner.closePoll(lunch.id);
  await expect(tv.getByTestId("screen-winner")).toContainText("Naengmyeon");
  await saveScreenshot(tv, testInfo, "restaurant-tv-winner");

  // The server goes away and comes back (a deploy of the same build): the TV reconnects and follows what happens after.
  await app.stop();
  await expect(tv.getByText("Reconnecting…")).toBeVisible();
  await app.start();
  const after = await ApiClient.create(app.url);
  await after.castVote(dessert.id, [dessert.options[0].id]);
  await owner.closePoll(dessert.id);
  await expect(tv.getByRole("heading", { name: "Dessert of the week?" })).toBeVisible({ timeout: 30_000 });
  await expect(tv.getByTestId("screen-winner")).toContainText("Bingsu");
  const late = await owner.createPoll({ question: "After the restart?", options: [{ label: "Yes" }, { label: "No" }] });
  await owner.openPoll(late.id);
  await expect(tv.getByRole("heading", { name: "After the restart?" })).toBeVisible({ timeout: 30_000 });
  expect(await tv.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await Promise.all([owner.dispose(), voter.dispose(), after.dispose()]);
});

test("the restaurant TV reloads itself when the server answers with another build of the pages (a deploy)", async ({ app }) => {
  const owner = await ApiClient.create(app.url);
  await owner.signUp({ email: `tv-deploy-${Date.now()}@example.com`, password: "a long enough password", name: "Mina", restaurantName: "Hanok Table" });
  const { build } = (await (await fetch(`${app.url}/api/health`)).json()) as { build: string };
  // A document the test serves itself (page.route) reads to Chromium as from outside the local network, whose
  // WebSocket to 127.0.0.1 it then blocks: this browser is told not to (the TV itself is served by the server).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-features=LocalNetworkAccessChecks"],
  });
  const tv = await browser.newPage();
  // The first load is served as if by the previous release: its page names another build than the server's.
  let served = 0;
  await tv.route((url) => url.pathname.startsWith("/screen/r/"), async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    served++;
    // The page's own build (the `pageBuild` prop in the flight data); the body goes back decoded.
    const { "content-length": _length, "content-encoding": _encoding, ...headers } = response.headers();
    const older = body.replace(new RegExp(`(pageBuild[\\\\":]+)${build}`), "$1previous-release-build");
    await route.fulfill({ status: response.status(), headers, body: served === 1 ? older : body });
  });
  await tv.goto(`${app.url}${await owner.restaurantScreenPath()}`);
  // The line-up names this server's build: the TV reloads, gets a page of this build, and stays.
  await expect.poll(() => served).toBe(2);
  await expect(tv.getByTestId("tv-idle")).toBeVisible();
  expect(served).toBe(2);
  await browser.close();
  await owner.dispose();
});
