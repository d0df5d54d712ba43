import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("ballot export", () => {
  const app = useTestApp("postgres");

  it("gives the owner one CSV row per ballot with the chosen labels, and nobody else anything", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner, { options: [{ label: "Soup, hot" }, { label: "=cmd" }] });
    await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] });

    const { filename, csv } = await owner.api.poll.exportBallots.query({ pollId: poll.id });
    expect(filename).toBe(`tableside-${poll.slug}-ballots.csv`);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("ballot,cast_at,voter,choices,coupon,revision,changed_at");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,.+,[0-9a-f]{10},"Soup, hot",,1,$/);
    expect(lines[2]).toMatch(/^2,.+,'=cmd,,1,$/);

    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.poll.exportBallots.query({ pollId: poll.id }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(app.browser().api.poll.history.query({ pollId: poll.id }))).toBe("UNAUTHORIZED");
    // The chart starts where voting did: every option at zero, at the opening.
    const [opening] = await owner.api.poll.history.query({ pollId: poll.id });
    expect(opening).toMatchObject({ total: 0, counts: { [poll.options[0].id]: 0, [poll.options[1].id]: 0 } });
    expect(Date.parse(opening.takenAt)).toBeLessThanOrEqual(Date.now());
  });

  it("writes ballot times on the restaurant's clock, with the offset", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const [restaurant] = (await owner.api.auth.me.query()).restaurants;
    await owner.api.account.updateRestaurant.mutate({ restaurantId: restaurant.id, name: restaurant.name, currency: "KRW", timeZone: "Asia/Seoul" });
    const poll = await createOpenPoll(owner);
    await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    const { csv } = await owner.api.poll.exportBallots.query({ pollId: poll.id });
    const castAt = csv.trim().split("\n")[1].split(",")[1];
    expect(castAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/);
    expect(Math.abs(Date.parse(castAt) - Date.now())).toBeLessThan(60_000);
  });
});
