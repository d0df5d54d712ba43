import { readFile } from "node:fs/promises";
import { type Browser, devices, type Page } from "@playwright/test";
import { expect, saveScreenshot, test } from "./support/fixtures";

const phone = { ...devices["Pixel 7"], locale: "en-US" };

async function diner(browser: Browser, shareUrl: string): Promise<Page> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(shareUrl);
  return page;
}

const screenCount = (screen: Page, label: string) =>
  screen.getByTestId("screen-option").filter({ hasText: label }).getByTestId("screen-count");

test("an owner runs a poll: diners vote from their phones and the screen follows live, down to the winner", async ({ browser, page: owner }, testInfo) => {
  // The owner signs up and creates a poll.
  await owner.goto("/owner/sign-up");
  await owner.getByLabel("Your name").fill("Mina Park");
  await owner.getByLabel("Restaurant name").fill("Hanok Table");
  await owner.getByLabel("Email").fill(`mina-${Date.now()}@example.com`);
  await owner.getByLabel("Password").fill("a long enough password");
  await owner.getByRole("button", { name: "Create account" }).click();
  await expect(owner.getByRole("heading", { name: "Your polls" })).toBeVisible();

  await owner.getByRole("link", { name: "New poll" }).click();
  await owner.getByLabel("Question").fill("Which dish should be next week's special?");
  await owner.getByRole("textbox", { name: "Option 1" }).fill("Bibimbap");
  await owner.getByRole("textbox", { name: "Option 2" }).fill("Bulgogi");
  await owner.getByRole("button", { name: "Add an option" }).click();
  await owner.getByRole("textbox", { name: "Option 3" }).fill("Japchae");
  await owner.getByRole("button", { name: "Create poll" }).click();
  await expect(owner.getByRole("heading", { name: "Which dish should be next week's special?" })).toBeVisible();
  await owner.getByRole("button", { name: "Open poll" }).click();
  await expect(owner.getByText("Open", { exact: true })).toBeVisible();
  const shareUrl = (await owner.getByTestId("share-link").getAttribute("href"))!;
  const slug = new URL(shareUrl).pathname.split("/").at(-1)!;

  // The live screen runs in its own browser context, as on the restaurant's TV.
  const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" });
  const screen = await screenContext.newPage();
  await screen.goto(`/screen/${slug}`);
  await expect(screen.getByTestId("screen-total")).toHaveText("0");
  await screen.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // Two diners vote from their phones; the screen shows each new count without a reload.
  const first = await diner(browser, shareUrl);
  await first.getByRole("button", { name: "Bibimbap" }).click();
  await expect(first.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(screenCount(screen, "Bibimbap")).toHaveText("1");
  await expect(screen.getByTestId("screen-total")).toHaveText("1");

  const second = await diner(browser, shareUrl);
  await second.getByRole("button", { name: "Bibimbap" }).click();
  await expect(second.getByText("Your vote counted. Thank you!")).toBeVisible();
  await expect(screenCount(screen, "Bibimbap")).toHaveText("2");
  await expect(screen.getByTestId("screen-total")).toHaveText("2");
  await expect(second.getByRole("list", { name: "Results" })).toContainText("2 votes · 100%");
  await saveScreenshot(second, testInfo, "diner-vote-counted");

  // The same phone, back on the page: it shows the earlier choice instead of the buttons, and a vote sent anyway
  // with the phone's cookie is refused and counts for nothing.
  await first.reload();
  await expect(first.getByText(/You voted for Bibimbap/)).toBeVisible();
  await expect(first.getByRole("button", { name: "Bulgogi" })).toHaveCount(0);
  const again = await first.evaluate(async (pollSlug) => {
    const poll = await (await fetch(`/api/trpc/poll.get?input=${encodeURIComponent(JSON.stringify({ slug: pollSlug }))}`)).json();
    const { id, options } = poll.result.data as { id: string; options: { id: string; label: string }[] };
    const body = JSON.stringify({ pollId: id, optionIds: [options.find((o) => o.label === "Bulgogi")!.id] });
    const answer = await fetch("/api/trpc/vote.cast", { method: "POST", headers: { "content-type": "application/json" }, body });
    return (await answer.json()).result.data.status as string;
  }, slug);
  expect(again).toBe("already_voted");
  await expect(owner.getByText("Total: 2")).toBeVisible();
  await expect(screenCount(screen, "Bulgogi")).toHaveText("0");
  await saveScreenshot(screen, testInfo, "screen-live");

  // The owner sees the votes live and over time, and exports the ballots.
  await expect(owner.getByRole("img", { name: /2 votes, from/ })).toBeVisible();
  // The export is a CSV file named after the poll. (Its rows are the ballots already flushed to Postgres, which
  // the Redis engine does in the background; their content is covered by the server's own tests.)
  const download = owner.waitForEvent("download");
  await owner.getByRole("button", { name: "Export ballots (CSV)" }).click();
  expect((await download).suggestedFilename()).toBe(`tableside-${slug}-ballots.csv`);
  expect(await readFile(await (await download).path(), "utf8")).toMatch(/^\ufeff?ballot,cast_at,voter,choices,coupon,revision,changed_at\n/);
  await saveScreenshot(owner, testInfo, "owner-poll");

  // Closing the poll puts the winner on the screen, and tells a diner still on the page.
  await owner.getByRole("button", { name: "Close poll" }).click();
  await owner.getByRole("group", { name: /Close this poll/ }).getByRole("button", { name: "Close poll" }).click();
  await expect(screen.getByTestId("screen-winner")).toContainText("Bibimbap");
  await expect(screen.getByTestId("screen-winner")).toContainText("Winner");
  await expect(second.getByText("This poll is closed.")).toBeVisible();
  expect(await screen.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await saveScreenshot(screen, testInfo, "screen-winner");

  await screenContext.close();
  await first.context().close();
  await second.context().close();
});
