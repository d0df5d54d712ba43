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
});
