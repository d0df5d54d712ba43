import { ApiClient } from "./support/api";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { signUpInPage } from "./support/owner";

test("a poll can be fixed: edit a draft, duplicate, delete a draft, close, reopen, extend, archive", async ({ app, browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "Asia/Seoul" });
  const owner = await context.newPage();
  await signUpInPage(owner, "lifecycle");

  // A draft with a typo, created through the form: an empty question says "required", and stops saying it once typed.
  await owner.getByRole("link", { name: "New poll" }).click();
  await owner.getByRole("button", { name: "Create poll" }).click();
  const question = owner.getByLabel("Question");
  await expect(owner.getByText("This field is required.").first()).toBeVisible();
  await expect(owner.getByText(/at most 200 characters/)).toHaveCount(0);
  await question.fill("Wich dessert?");
  await expect(question).not.toHaveAttribute("aria-invalid", "true");
  await owner.getByRole("textbox", { name: "Option 1" }).fill("Hotteok");
  await owner.getByRole("textbox", { name: "Option 2" }).fill("Bingsu");
  await owner.getByRole("button", { name: "Add an option" }).click();
  await owner.getByRole("textbox", { name: "Option 3" }).fill("Yakgwa");
  await owner.getByRole("button", { name: "Create poll" }).click();
  await expect(owner.getByRole("heading", { name: "Wich dessert?" })).toBeVisible();

  // Edit the draft: fix the question, drop an option.
  await owner.getByRole("link", { name: "Edit" }).click();
  await expect(owner.getByRole("heading", { name: "Edit poll" })).toBeVisible();
  await expect(owner.getByLabel("Question")).toHaveValue("Wich dessert?");
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByLabel("Question").fill("Which dessert?");
  await owner.getByRole("button", { name: "Remove option 3" }).click();
  await owner.getByRole("button", { name: "Save changes" }).click();
  await expect(owner.getByRole("heading", { name: "Which dessert?" })).toBeVisible();
  const results = owner.getByRole("list", { name: "Live results" });
  await expect(results).toContainText("Bingsu");
  await expect(results).not.toContainText("Yakgwa");
  const pollUrl = owner.url();

  // Duplicate it (a new draft, in its edit form), then delete that copy.
  await owner.getByRole("button", { name: "Duplicate" }).click();
  await expect(owner.getByRole("heading", { name: "Edit poll" })).toBeVisible();
  await expect(owner.getByLabel("Question")).toHaveValue("Which dessert?");
  await owner.getByRole("link", { name: "← Which dessert?" }).click();
  await expect(owner.getByRole("heading", { name: "Which dessert?" })).toBeVisible();
  expect(owner.url()).not.toBe(pollUrl);
  await owner.getByRole("button", { name: "Delete draft" }).click();
  await expect(owner.getByText("Delete this draft? This can't be undone.")).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByRole("group").getByRole("button", { name: "Delete draft" }).click();
  await expect(owner.getByRole("heading", { name: "Your polls" })).toBeVisible();
  await expect(owner.getByRole("link", { name: "Which dessert?", exact: true })).toHaveCount(1);

  // Open the original; a diner votes; close it.
  await owner.goto(pollUrl);
  await owner.getByRole("button", { name: "Open poll" }).click();
  await expect(owner.getByRole("button", { name: "Close poll" })).toBeVisible();
  const slug = new URL((await owner.getByTestId("share-link").getAttribute("href"))!).pathname.split("/").at(-1)!;
  const diner = await ApiClient.create(app.url);
  const poll = await (await fetch(`${app.url}/api/trpc/poll.get?input=${encodeURIComponent(JSON.stringify({ slug }))}`)).json();
  const pollId: string = poll.result.data.id;
  const optionId: string = poll.result.data.options[0].id;
  expect((await diner.castVote(pollId, [optionId])).status).toBe("accepted");
  await owner.getByRole("button", { name: "Close poll" }).click();
  await owner.getByRole("group").getByRole("button", { name: "Close poll" }).click();
  await expect(owner.getByText("This poll is closed.")).toBeVisible();
  await expect(owner.getByRole("heading", { name: "Results", exact: true })).toBeVisible();

  // Reopen it until a set time: the form says what it means for voters and coupons.
  await owner.getByRole("button", { name: "Reopen poll" }).click();
  await expect(owner.getByText("Diners who already voted stay voted.", { exact: false })).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByLabel("New closing time").fill("2099-01-01T20:00");
  await owner.getByRole("button", { name: "Reopen poll" }).click();
  await expect(owner.getByRole("button", { name: "Close poll" })).toBeVisible();
  await expect(owner.getByTestId("poll-schedule")).toContainText("8:00 PM"); // on the restaurant's (Seoul) clock
  expect((await diner.castVote(pollId, [optionId])).status).toBe("already_voted");
  const newcomer = await ApiClient.create(app.url);
  expect((await newcomer.castVote(pollId, [optionId])).status).toBe("accepted");

  // Extend it: a later closing time.
  await owner.getByRole("button", { name: "Change closing time" }).click();
  await expect(owner.getByLabel("New closing time")).toHaveValue("2099-01-01T20:00");
  await owner.getByLabel("New closing time").fill("2099-01-02T22:30");
  await owner.getByRole("button", { name: "Save" }).click();
  await expect(owner.getByTestId("poll-schedule")).toContainText("10:30 PM");
  await saveScreenshot(owner, testInfo, "poll-lifecycle-extended");

  // Close and archive: it leaves the list, stays in the archive, and comes back out.
  await owner.getByRole("button", { name: "Close poll" }).click();
  await owner.getByRole("group").getByRole("button", { name: "Close poll" }).click();
  await owner.getByRole("button", { name: "Archive" }).click();
  await expect(owner.getByText("Archived: this poll is off your list of polls", { exact: false })).toBeVisible();
  await owner.getByRole("navigation", { name: "Owner pages" }).getByRole("link", { name: "Polls" }).click();
  await expect(owner.getByText("No polls yet.", { exact: false })).toBeVisible();
  await owner.getByRole("link", { name: "Archived polls" }).click();
  await expect(owner.getByRole("heading", { name: "Archived polls" })).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByRole("link", { name: "Which dessert?", exact: true }).click();
  await owner.getByRole("button", { name: "Take out of the archive" }).click();
  await owner.getByRole("link", { name: /All polls/ }).click();
  await expect(owner.getByRole("link", { name: "Which dessert?", exact: true })).toBeVisible();

  // The poll page and the settings in Korean.
  await owner.getByRole("button", { name: "한국어" }).click();
  await owner.getByRole("link", { name: "Which dessert?", exact: true }).click();
  await expect(owner.getByRole("button", { name: "투표 다시 열기" })).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByRole("navigation").getByRole("link", { name: "설정" }).click();
  await expect(owner.getByRole("heading", { name: "설정", level: 1 })).toBeVisible();
  await expect(owner.getByLabel("시간대")).toHaveValue("Asia/Seoul");
  expect(await seriousViolations(owner)).toEqual([]);
  await Promise.all([context.close(), diner.dispose(), newcomer.dispose()]);
});
