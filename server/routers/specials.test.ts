import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { Browser } from "../../test/support/browser";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("the winner on the menu", () => {
  const app = useTestApp("postgres");

  async function menuVote(owner: Browser, votes: number[]) {
    const dishes = [
      await owner.api.menu.add.mutate({ nameEn: "Bibimbap", nameKo: "비빔밥", priceCents: 1200 }),
      await owner.api.menu.add.mutate({ nameEn: "Japchae", priceCents: 950 }),
    ];
    const poll = await createOpenPoll(owner, { options: dishes.map((d) => ({ label: d.nameEn!, menuItemId: d.id })) });
    for (const [index, count] of votes.entries()) {
      for (let i = 0; i < count; i++) await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[index].id] });
    }
    return { poll, dishes };
  }

  it("makes a closed menu vote's winning dish the special; the diner's page and the public restaurant page show it", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const { poll, dishes } = await menuVote(owner, [1, 2]);
    const stillOpen = await createOpenPoll(owner, { question: "Tomorrow's soup?" });
    const range = { pollId: poll.id, startsOn: day(0), endsOn: day(6) };
    expect(await errorCodeOf(owner.api.specials.fromWinner.mutate(range))).toBe("PRECONDITION_FAILED");
    await owner.api.poll.close.mutate({ pollId: poll.id });
    expect(await errorCodeOf(owner.api.specials.fromWinner.mutate({ ...range, startsOn: day(7) }))).toBe("BAD_REQUEST");
    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.specials.fromWinner.mutate(range))).toBe("FORBIDDEN");

    expect(await owner.api.specials.fromWinner.mutate(range)).toMatchObject({ menuItemId: dishes[1].id, startsOn: day(0), endsOn: day(6) });
    const { restaurantId, specials } = await app.browser().api.specials.ofPoll.query({ pollId: stillOpen.id });
    expect(specials.map((s) => s.dish.nameEn)).toEqual(["Japchae"]);

    const page = await app.browser().api.specials.restaurant.query({ restaurantId });
    expect(page).toMatchObject({ name: "Test Bistro", specials: [{ dish: { nameEn: "Japchae", priceCents: 950 } }] });
    expect(page.openPolls).toEqual([{ slug: stillOpen.slug, question: "Tomorrow's soup?", closesAt: null }]);

    // Again for the same poll: new dates, still one special; a range in the future is not today's.
    await owner.api.specials.fromWinner.mutate({ ...range, startsOn: day(2), endsOn: day(3) });
    expect((await app.browser().api.specials.restaurant.query({ restaurantId })).specials).toEqual([]);
    expect(await errorCodeOf(app.browser().api.specials.restaurant.query({ restaurantId: "nope" }))).toBe("NOT_FOUND");
  });

  it("asks which dish on a tie, and refuses a poll without votes", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const { poll, dishes } = await menuVote(owner, [1, 1]);
    await owner.api.poll.close.mutate({ pollId: poll.id });
    const tie = await owner.api.specials.fromWinner.mutate({ pollId: poll.id, startsOn: day(0), endsOn: day(0) }).catch((e: unknown) => e);
    expect(tie).toBeInstanceOf(TRPCClientError);
    const data = (tie as TRPCClientError<never>).data as unknown as { code: string; details: { tied: string[] } };
    expect(data.code).toBe("CONFLICT");
    expect(data.details.tied.sort()).toEqual(dishes.map((d) => d.id).sort());
    expect(await owner.api.specials.fromWinner.mutate({ pollId: poll.id, startsOn: day(0), endsOn: day(0), menuItemId: dishes[0].id })).toMatchObject({ menuItemId: dishes[0].id });

    const empty = await menuVote(owner, [0, 0]);
    await owner.api.poll.close.mutate({ pollId: empty.poll.id });
    expect(await errorCodeOf(owner.api.specials.fromWinner.mutate({ pollId: empty.poll.id, startsOn: day(0), endsOn: day(0) }))).toBe("PRECONDITION_FAILED");
  });
});
