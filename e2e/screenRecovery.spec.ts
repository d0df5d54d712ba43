import { ApiClient, openPollViaApi } from "./support/api";
import { expect, saveScreenshot, test } from "./support/fixtures";

test("the live screen rides out a server restart and shows votes cast after it, without a reload", async ({ app, page: screen }, testInfo) => {
  test.setTimeout(150_000);
  const { owner, poll } = await openPollViaApi(app.url, { question: "Soup of the day?", labels: ["Doenjang", "Kimchi"] });
  const [doenjang, kimchi] = poll.options;
  await screen.setViewportSize({ width: 1920, height: 1080 });
  await screen.goto(`/screen/${poll.slug}`);

  const total = screen.getByTestId("screen-total");
  const badge = screen.getByText("Reconnecting…");
  const before = await ApiClient.create(app.url);
  await before.castVote(poll.id, [doenjang.id]);
  await expect(total).toHaveText("1");
  await expect(badge).toBeHidden();
  await screen.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // SIGTERM (graceful shutdown: the server tells screens to reconnect), then the same port and data again.
  await app.stop();
  await expect(badge).toBeVisible();
  await saveScreenshot(screen, testInfo, "screen-reconnecting");
  await expect(total).toHaveText("1"); // the last tally stays up meanwhile
  await app.start();

  const after = await ApiClient.create(app.url);
  await after.castVote(poll.id, [kimchi.id]);
  await expect(total).toHaveText("2", { timeout: 30_000 });
  await expect(badge).toBeHidden();
  expect(await screen.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // And it still follows the poll to its end.
  await owner.closePoll(poll.id);
  await expect(screen.getByTestId("screen-winner")).toContainText("It's a tie");
  await Promise.all([owner.dispose(), before.dispose(), after.dispose()]);
});
