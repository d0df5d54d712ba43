import { ApiClient } from "./support/api";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, signUpInPage } from "./support/owner";

type Poll = { id: string; slug: string; options: { id: string }[] };

test("the winner on the menu: a closed menu vote's winner becomes today's special, on the restaurant page, the screen and the diner's poll page", async ({ app, browser }, testInfo) => {
  const owner = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUpInPage(owner, "special");
  const bibimbap = await apiMutation<{ id: string }>(owner, "menu.add", { nameEn: "Bibimbap", priceCents: 1200 });
  const japchae = await apiMutation<{ id: string }>(owner, "menu.add", { nameEn: "Japchae", description: "Glass noodles", priceCents: 950 });
  const vote = await apiMutation<Poll>(owner, "poll.create", {
    question: "Next week's special?",
    options: [{ label: "Bibimbap", menuItemId: bibimbap.id }, { label: "Japchae", menuItemId: japchae.id }],
  });
  await apiMutation(owner, "poll.open", { pollId: vote.id });
  for (const option of [1, 1, 0]) {
    const diner = await ApiClient.create(app.url);
    await diner.castVote(vote.id, [vote.options[option].id]);
    await diner.dispose();
  }
  await apiMutation(owner, "poll.close", { pollId: vote.id });
  const next = await apiMutation<Poll>(owner, "poll.create", { question: "Which soup tomorrow?", options: [{ label: "Kimchi" }, { label: "Miso" }] });
  await apiMutation(owner, "poll.open", { pollId: next.id });

  // One action on the closed vote.
  await owner.goto(`/owner/polls/${vote.id}`);
  await owner.getByRole("button", { name: "Make the winner the special" }).click();
  await expect(owner.getByText(/Japchae is the special from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\./)).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);

  // The public restaurant page: today's special and the poll open now.
  await owner.getByTestId("restaurant-page-link").click();
  const specials = owner.getByTestId("todays-specials");
  await expect(specials).toContainText("Japchae");
  await expect(specials).toContainText("9.50");
  await expect(specials).not.toContainText("Bibimbap");
  await expect(owner.getByRole("link", { name: "Which soup tomorrow?" })).toBeVisible();
  await expect(owner.getByRole("link", { name: "Next week's special?" })).toHaveCount(0);
  expect(await seriousViolations(owner)).toEqual([]);
  await saveScreenshot(owner, testInfo, "restaurant-page");

  // The restaurant's screen showing the open poll names the special.
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" })).newPage();
  await screen.goto(`/screen/${next.slug}`);
  await expect(screen.getByTestId("screen-specials")).toContainText("Japchae");

  // A diner following the open poll sees the special under it.
  const diner = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US" })).newPage();
  await diner.goto(`/p/${next.slug}`);
  await expect(diner.getByTestId("todays-specials")).toContainText("Japchae");
});
