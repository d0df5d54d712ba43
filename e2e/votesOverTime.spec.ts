import { devices } from "@playwright/test";
import { ApiClient } from "./support/api";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, signUpInPage } from "./support/owner";

type Created = { id: string; slug: string; options: { id: string; label: string }[] };

test("votes over time on a phone: step lines, equal series told apart, axis text readable", async ({ app, browser }, testInfo) => {
  const context = await browser.newContext({ ...devices["Pixel 7"], locale: "en-US" });
  const owner = await context.newPage();
  await signUpInPage(owner, "chart");
  const poll = await apiMutation<Created>(owner, "poll.create", { question: "Side dish?", options: [{ label: "Kimchi" }, { label: "Namul" }] });
  await apiMutation(owner, "poll.open", { pollId: poll.id });
  const voters = await Promise.all([0, 1].map(() => ApiClient.create(app.url)));
  await voters[0].castVote(poll.id, [poll.options[0].id]);
  await voters[1].castVote(poll.id, [poll.options[1].id]); // equal counts: the two lines lie on each other
  // The owner looks after the votes: the page has one live tally and the opening's zero point (the case that once
  // drew only dots, when the periodic snapshot had not been taken yet).
  await owner.goto(`/owner/polls/${poll.id}`);

  const chart = owner.getByRole("img", { name: /votes/ }).filter({ has: owner.locator("polyline") });
  await expect(chart.locator("polyline")).toHaveCount(2, { timeout: 20_000 });
  const lines = await chart.locator("polyline").evaluateAll((polylines) =>
    polylines.map((line) => ({ dash: line.getAttribute("stroke-dasharray"), width: line.getAttribute("stroke-width"), points: line.getAttribute("points")!.split(" ") })),
  );
  expect(new Set(lines.map((l) => `${l.dash}/${l.width}`)).size).toBe(2);
  // A step line: every change of count is a vertical segment after a horizontal one (pairs of points share x or y).
  for (const { points } of lines) {
    for (let k = 1; k < points.length; k++) {
      const [[x1, y1], [x2, y2]] = [points[k - 1].split(","), points[k].split(",")];
      expect(x1 === x2 || y1 === y2).toBe(true);
    }
  }
  const smallest = await chart.locator("text").evaluateAll((texts) => Math.min(...texts.map((t) => t.getBoundingClientRect().height)));
  expect(smallest).toBeGreaterThanOrEqual(11);
  await saveScreenshot(owner, testInfo, "votes-over-time-phone");
  await Promise.all([context.close(), ...voters.map((v) => v.dispose())]);
});
