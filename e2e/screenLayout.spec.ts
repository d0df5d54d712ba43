import { LIMITS } from "@/lib/limits";
import { ApiClient, openPollViaApi } from "./support/api";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { overflowsOf } from "./support/screenLayout";

const LONGEST_QUESTION = (
  "Which of tonight's twenty dishes should become next week's special, the one our kitchen cooks every evening " +
  "for a whole month, with a coupon for the first diners who vote and a free dessert for every table that joins?"
).slice(0, LIMITS.questionLength);

const DISHES = [
  "Bibimbap", "Kimchi jjigae", "Bulgogi", "Japchae", "Tteokbokki", "Galbi-jjim", "Sundubu-jjigae", "Haemul pajeon",
  "Samgyeopsal", "Naengmyeon", "Dakgalbi", "Jjajangmyeon", "Kimbap", "Mandu", "Doenjang-jjigae", "Yukgaejang",
  "Bossam", "Jokbal", "Hotteok",
  "Slow-braised short ribs with chestnuts, jujubes and a soy glaze, served with rice and seasonal banchan",
].map((label) => label.slice(0, LIMITS.optionLabelLength));

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
  test(`the TV at ${viewport.width}×${viewport.height}: the longest question and 20 options fit, controls step aside, the QR code is 73% of the height`, async ({ app, browser }, testInfo) => {
    const { owner, poll } = await openPollViaApi(app.url, {
      question: LONGEST_QUESTION,
      labels: DISHES,
      closesAt: new Date(Date.now() + 3_600_000),
      presenceRequired: false, // voters come through the API here; the room code's layout is the next test
      promotion: { title: "A free bingsu for the first voters", discount: "1 bingsu", quantity: 30, validUntil: new Date(Date.now() + 86_400_000) },
    });
    const voters = await Promise.all([0, 1, 2].map(() => ApiClient.create(app.url)));
    await Promise.all(voters.map((voter, i) => voter.castVote(poll.id, [poll.options[i * 7].id])));

    const context = await browser.newContext({ viewport, locale: "en-US" });
    const screen = await context.newPage();
    await screen.goto(`/screen/${poll.slug}`);
    await expect(screen.getByTestId("screen-total")).toHaveText("3");
    await expect(screen.getByTestId("screen-option")).toHaveCount(20);
    await expect(screen.getByTestId("screen-coupons")).toContainText("27 of 30 coupons left");

    // A pointer over the screen brings the controls: they must not cover the promotion, the QR code or the question.
    await screen.mouse.move(viewport.width / 2, viewport.height / 2);
    const controls = screen.getByTestId("screen-controls");
    await expect(controls).toBeVisible();
    const controlsBox = (await controls.boundingBox())!;
    for (const other of [screen.getByTestId("screen-coupons"), screen.getByTestId("screen-join"), screen.locator("h1")]) {
      expect(overlaps(controlsBox, (await other.boundingBox())!)).toBe(false);
    }
    expect(await overflowsOf(screen)).toEqual({ outside: [], clipped: [] });
    await saveScreenshot(screen, testInfo, `screen-${viewport.width}x${viewport.height}`);

    // Sizes for the back of the room: the QR code's side is 73% of the height (ADR 0021), no label under 3%.
    const qr = (await screen.getByRole("img", { name: /Scan to vote/ }).boundingBox())!;
    expect(qr.height / viewport.height).toBeGreaterThan(0.72);
    // (The language and full-screen controls are for whoever stands at the TV, and out of sight after 3 s.)
    const tooSmall = await screen.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("main *, aside *")]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
        .filter((e) => !e.closest(".visually-hidden, [data-testid=screen-controls]") && e.getClientRects().length > 0)
        .map((e) => ({ element: `${e.tagName}.${e.className}`, share: parseFloat(getComputedStyle(e).fontSize) / window.innerHeight }))
        .filter(({ share }) => share < 0.0299),
    );
    expect(tooSmall).toEqual([]);
    await expect(screen.getByTestId("screen-join-code")).toHaveText(/^[0-9A-Z]{3} [0-9A-Z]{3}$/);

    // Without a pointer for three seconds the controls fade out (and stay out of the way).
    await expect(controls).toBeHidden({ timeout: 6_000 });
    if (viewport.width === 1920) expect(await seriousViolations(screen)).toEqual([]);
    await context.close();
    await Promise.all([owner.dispose(), ...voters.map((voter) => voter.dispose())]);
  });
}

test("a poll that asks for presence: the screen's own link shows the room code too, and it still fits at 1280×720", async ({ app, browser }, testInfo) => {
  const { owner, poll } = await openPollViaApi(app.url, {
    question: LONGEST_QUESTION,
    labels: DISHES,
    promotion: { title: "A free bingsu for the first voters", discount: "1 bingsu", quantity: 30, validUntil: new Date(Date.now() + 86_400_000) },
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US" });
  const screen = await context.newPage();
  await screen.goto(await owner.screenPath(poll.id));
  await expect(screen.getByTestId("room-code")).toHaveText(/^\d{3} \d{3}$/);
  await screen.mouse.move(640, 360);
  const controlsBox = (await screen.getByTestId("screen-controls").boundingBox())!;
  for (const other of [screen.getByTestId("screen-coupons"), screen.getByTestId("screen-join"), screen.getByTestId("room-code")]) {
    expect(overlaps(controlsBox, (await other.boundingBox())!)).toBe(false);
  }
  expect(await overflowsOf(screen)).toEqual({ outside: [], clipped: [] });
  await saveScreenshot(screen, testInfo, "screen-1280x720-room-code");
  await context.close();
  await owner.dispose();
});

test("in Korean, closed, at 1280×720: the winner and 20 options fit", async ({ app, browser }, testInfo) => {
  const { owner, poll } = await openPollViaApi(app.url, { question: "다음 주 스페셜 메뉴로 어떤 요리가 좋을까요? ".repeat(8).slice(0, LIMITS.questionLength), labels: DISHES });
  const voter = await ApiClient.create(app.url);
  await voter.castVote(poll.id, [poll.options[19].id]);
  await owner.closePoll(poll.id);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "ko-KR" });
  const screen = await context.newPage();
  await screen.goto(`/screen/${poll.slug}`);
  await expect(screen.getByTestId("screen-winner")).toContainText("1위");
  expect(await overflowsOf(screen)).toEqual({ outside: [], clipped: [] });
  await saveScreenshot(screen, testInfo, "screen-1280x720-ko-closed");
  expect(await seriousViolations(screen)).toEqual([]);
  await context.close();
  await Promise.all([owner.dispose(), voter.dispose()]);
});

test("a diner types the TV's code at /join, sloppily and without JavaScript, and lands on the poll", async ({ app, browser }, testInfo) => {
  const { owner, poll } = await openPollViaApi(app.url, { question: "Soup of the day?", labels: ["Doenjang", "Kimchi"] });
  const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await tv.goto(`/screen/${poll.slug}`);
  const shown = (await tv.getByTestId("screen-join-code").textContent())!;
  await expect(tv.getByTestId("screen-join")).toContainText("127.0.0.1");

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 }, locale: "en-US" });
  const diner = await context.newPage();
  await diner.goto("/join");
  await diner.getByLabel("The code on the restaurant's screen").fill("nope12");
  await diner.getByRole("button", { name: "Go to the poll" }).click();
  await expect(diner.getByText("No poll is open with this code")).toBeVisible();
  await saveScreenshot(diner, testInfo, "join-unknown-code");

  const sloppy = `${shown.slice(0, 2).toLowerCase()}-${shown.slice(2)}`.replace(/0/g, "o");
  await diner.getByLabel("The code on the restaurant's screen").fill(sloppy);
  await diner.getByRole("button", { name: "Go to the poll" }).click();
  await expect(diner).toHaveURL(new RegExp(`/p/${poll.slug}$`));

  // The same page with JavaScript, for axe (which runs as a script): the refused code's state.
  const withJs = await (await browser.newContext({ locale: "ko-KR" })).newPage();
  await withJs.goto("/join?code=nope12");
  await expect(withJs.getByText("이 코드로 열린 투표가 없습니다")).toBeVisible();
  expect(await seriousViolations(withJs)).toEqual([]);
  await withJs.context().close();
  await Promise.all([context.close(), tv.context().close(), owner.dispose()]);
});
