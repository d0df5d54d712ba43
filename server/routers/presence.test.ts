import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

const promotion = () => ({ title: "Free tea", discount: "1 cup", quantity: 5, validUntil: new Date(Date.now() + 86_400_000) });

describe("proof of presence", () => {
  const app = useTestApp("redis");

  it("is on by default for a poll with a promotion, off without one, and the owner may turn it off", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const options = [{ label: "A" }, { label: "B" }];
    const withPromotion = await owner.api.poll.create.mutate({ question: "Q?", options, promotion: promotion() });
    const without = await owner.api.poll.create.mutate({ question: "Q?", options });
    const optedOut = await owner.api.poll.create.mutate({ question: "Q?", options, promotion: promotion(), presenceRequired: false });
    const requires = async (pollId: string) => (await app.browser().api.poll.get.query({ pollId })).requiresPresence;
    expect([await requires(withPromotion.id), await requires(without.id), await requires(optedOut.id)]).toEqual([true, false, false]);
    expect((await owner.api.poll.draft.query({ pollId: withPromotion.id })).presenceRequired).toBe(true);
  });

  it("gives the room code to the screen's link and the owner only", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner, { promotion: promotion(), presenceRequired: true });
    const screenPath = await owner.api.presence.screenPath.query({ pollId: poll.id });
    const key = new URL(screenPath, app.url).searchParams.get("key")!;
    expect(screenPath).toBe(`/screen/${poll.slug}?key=${key}`);

    const screen = app.browser();
    const shown = await screen.api.presence.roomCode.query({ pollId: poll.id, screenKey: key });
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(Date.parse(shown.changesAt.toString())).toBeGreaterThan(Date.now());
    expect((await owner.api.presence.roomCode.query({ pollId: poll.id })).code).toBe(shown.code);
    expect(await errorCodeOf(screen.api.presence.roomCode.query({ pollId: poll.id }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(screen.api.presence.roomCode.query({ pollId: poll.id, screenKey: `${key.slice(1)}x` }))).toBe("FORBIDDEN");
    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.presence.roomCode.query({ pollId: poll.id }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(stranger.api.presence.screenPath.query({ pollId: poll.id }))).toBe("FORBIDDEN");
  });

  it("lets a table card stand for presence, records the table, and shows the owner results per table", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner, { promotion: promotion(), presenceRequired: true, tableCards: 3 });
    const cards = await owner.api.presence.tableCards.query({ pollId: poll.id });
    expect(cards.map((c) => c.table)).toEqual([1, 2, 3]);
    expect(cards[1].path).toBe(`/p/${poll.slug}?table=${cards[1].code}`);

    const [a, b] = poll.options.map((o) => o.id);
    const vote = (tableCode: string | undefined, optionId: string) => app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [optionId], tableCode });
    await vote(cards[0].code, a);
    await vote(cards[0].code, b);
    await vote(cards[0].code, b);
    await vote(cards[2].code.toLowerCase(), a);
    expect(await errorCodeOf(vote(`4-${cards[0].code.slice(2)}`, a))).toBe("FORBIDDEN");
    expect(await errorCodeOf(vote(undefined, a))).toBe("FORBIDDEN");
    // A voter who votes again from another table stays counted at the first.
    const diner = app.browser();
    await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [a], tableCode: cards[1].code });
    expect((await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [a], tableCode: cards[2].code })).status).toBe("already_voted");

    expect(await owner.api.presence.tableResults.query({ pollId: poll.id })).toEqual([
      { table: 1, total: 3, counts: { [a]: 1, [b]: 2 } },
      { table: 2, total: 1, counts: { [a]: 1 } },
      { table: 3, total: 1, counts: { [a]: 1 } },
    ]);
    expect(await errorCodeOf(app.browser().api.presence.tableResults.query({ pollId: poll.id }))).toBe("UNAUTHORIZED");
  });
});
