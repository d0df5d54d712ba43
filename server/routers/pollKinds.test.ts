import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../../test/support/browser";
import { errorCodeOf } from "../../test/support/errors";
import { signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("a poll's kind and whether its ballots may change (issue 16)", () => {
  const app = useTestApp("redis");
  let owner: Browser;
  beforeAll(async () => {
    owner = app.browser();
    await signUpOwner(owner);
  });
  const options = [{ label: "Hotteok" }, { label: "Bingsu" }, { label: "Yakgwa" }];

  it("a poll that does not say is a choice poll whose ballots do not change", async () => {
    const poll = await owner.api.poll.create.mutate({ question: "Dessert?", options });
    expect(await owner.api.poll.get.query({ pollId: poll.id })).toMatchObject({ kind: "choice", changeableUntilClose: false });
    expect(await owner.api.poll.draft.query({ pollId: poll.id })).toMatchObject({ kind: "choice", changeableUntilClose: false });
  });

  it("a rating poll gets the five stars as its options, whatever was sent; an open poll gets none", async () => {
    const rating = await owner.api.poll.create.mutate({ question: "Today's special?", kind: "rating", options, changeableUntilClose: true });
    expect(rating.options.map((o) => o.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(await owner.api.poll.get.query({ pollId: rating.id })).toMatchObject({ kind: "rating", changeableUntilClose: true });
    const open = await owner.api.poll.create.mutate({ question: "What should we add?", kind: "open" });
    expect(open.options).toEqual([]);
    const copy = await owner.api.poll.duplicate.mutate({ pollId: rating.id });
    expect(await owner.api.poll.draft.query({ pollId: copy.id })).toMatchObject({ kind: "rating", changeableUntilClose: true });
  });

  it("a ranking orders two to six options and takes no multiple choice; a choice poll needs two options", async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ label: `Dish ${i + 1}` }));
    const ranking = await owner.api.poll.create.mutate({ question: "Rank", kind: "ranking", options: six });
    expect(ranking.options).toHaveLength(6);
    expect(await errorCodeOf(owner.api.poll.create.mutate({ question: "Rank", kind: "ranking", options: [...six, { label: "7" }] }))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(owner.api.poll.create.mutate({ question: "Rank", kind: "ranking", options, multipleChoice: true }))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(owner.api.poll.create.mutate({ question: "Pick", options: [{ label: "Only" }] }))).toBe("BAD_REQUEST");
  });

  it("a rating per dish: five stars for each of one to six dishes of the restaurant's menu; a ballot gives each dish at most one star", async () => {
    const dishes = await Promise.all(Array.from({ length: 7 }, (_, i) => owner.api.menu.add.mutate({ nameEn: `Dish ${i + 1}`, priceCents: 1_000 })));
    const menuOptions = dishes.map((d, i) => ({ label: `Dish ${i + 1}`, menuItemId: d.id }));
    const create = (options: { label: string; menuItemId?: string }[]) =>
      owner.api.poll.create.mutate({ question: "How was dinner?", kind: "rating", options, changeableUntilClose: true, presenceRequired: false });
    const poll = await create(menuOptions.slice(0, 2));
    expect(poll.options.map((o) => o.label)).toEqual([...Array(5).fill("Dish 1"), ...Array(5).fill("Dish 2")]);
    expect((await create(menuOptions.slice(0, 6))).options).toHaveLength(30);
    expect(await errorCodeOf(create(menuOptions))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(create([menuOptions[0], { label: "Typed" }]))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(create([menuOptions[0], menuOptions[0]]))).toBe("BAD_REQUEST");
    const other = app.browser();
    await signUpOwner(other);
    const theirs = await other.api.menu.add.mutate({ nameEn: "Not yours", priceCents: 1_000 });
    expect(await errorCodeOf(create([{ label: "Not yours", menuItemId: theirs.id }]))).toBe("BAD_REQUEST");

    // A copy rates the same dishes, and its edit form shows them (not their fifteen star options).
    const copy = await owner.api.poll.duplicate.mutate({ pollId: poll.id });
    expect((await owner.api.poll.draft.query({ pollId: copy.id })).options).toEqual(menuOptions.slice(0, 2));

    await owner.api.poll.open.mutate({ pollId: poll.id });
    const diner = app.browser();
    const [dish1, dish2] = [poll.options.slice(0, 5), poll.options.slice(5)];
    expect(await errorCodeOf(diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [dish1[0].id, dish1[4].id] }))).toBe("BAD_REQUEST");
    expect((await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [dish2[4].id, dish1[3].id] })).status).toBe("accepted");
    expect((await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [dish1[3].id, dish2[4].id] })).status).toBe("already_voted");
    expect((await diner.api.vote.mine.query({ pollId: poll.id }))?.optionIds).toEqual([dish1[3].id, dish2[4].id]);
    expect((await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [dish2[1].id] })).status).toBe("changed");
    const { csv } = await owner.api.poll.exportBallots.query({ pollId: poll.id });
    expect(csv).toContain(",Dish 2 ★2,");
  });
});
