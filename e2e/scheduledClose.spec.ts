import { devices } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, signUpInPage } from "./support/owner";

type Created = { id: string; slug: string; options: { id: string; label: string }[] };

test("a scheduled close reaches the TV, the owner's page and the diner's page the moment it comes, without a reload", async ({ app, browser }, testInfo) => {
  const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const owner = await ownerContext.newPage();
  await signUpInPage(owner, "scheduled");
  const closesAt = new Date(Date.now() + 15_000);
  const poll = await apiMutation<Created>(owner, "poll.create", {
    question: "Tonight's dessert?",
    options: [{ label: "Hotteok" }, { label: "Bingsu" }],
    closesAt,
  });
  await apiMutation(owner, "poll.open", { pollId: poll.id });

  const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" })).newPage();
  const diner = await (await browser.newContext({ ...devices["Pixel 7"], locale: "en-US" })).newPage();
  await Promise.all([owner.goto(`/owner/polls/${poll.id}`), tv.goto(`/screen/${poll.slug}`), diner.goto(`/p/${poll.slug}`)]);
  await diner.getByRole("button", { name: /Bingsu/ }).click();
  await expect(diner.getByText("Your vote counted")).toBeVisible();
  await expect(tv.getByTestId("screen-total")).toHaveText("1");
  await expect(owner.getByText("Open", { exact: true })).toBeVisible();
  await expect(tv).toHaveTitle("Live results · Tableside");
  const pages = [owner, tv, diner];
  for (const page of pages) await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  expect(Date.now()).toBeLessThan(closesAt.getTime()); // the set-up took less than the poll's time

  // Nobody touches anything: closesAt passes.
  await expect(tv.getByTestId("screen-winner")).toContainText("Bingsu", { timeout: 25_000 });
  await expect(tv.getByText("Voting has closed")).toBeVisible();
  await expect(tv.getByText("Scan to vote")).toHaveCount(0);
  await expect(owner.getByText("Closed", { exact: true })).toBeVisible();
  await expect(owner.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(owner.getByText("Live results")).toHaveCount(0);
  // The browser tab follows too, and a TV opened after the close starts with the right title.
  await expect(tv).toHaveTitle("Results · Tableside");
  await expect(owner).toHaveTitle("Results · Tableside");
  await expect(diner.getByText("This poll is closed.")).toBeVisible();
  for (const page of pages) expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  const lateTv = await tv.context().newPage();
  await lateTv.goto(`/screen/${poll.slug}`);
  await expect(lateTv).toHaveTitle("Results · Tableside");
  await lateTv.close();
  // The owner's page as the server sends it, before any script runs, is titled for a closed poll too.
  const ownerHtml = await (await ownerContext.request.get(`/owner/polls/${poll.id}`)).text();
  expect(ownerHtml).toContain("<title>Results · Tableside</title>");
  await saveScreenshot(tv, testInfo, "scheduled-close-tv");
  await saveScreenshot(diner, testInfo, "scheduled-close-diner");
  expect(await seriousViolations(diner)).toEqual([]);
  await Promise.all([ownerContext.close(), tv.context().close(), diner.context().close()]);
});
