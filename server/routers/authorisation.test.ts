import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../../test/support/browser";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("owner procedures check who is calling", () => {
  const app = useTestApp("postgres");
  let alice: Browser;
  let bob: Browser;
  beforeAll(async () => {
    alice = app.browser();
    bob = app.browser();
    await signUpOwner(alice);
    await signUpOwner(bob);
  });

  it("lets only the poll's owner open, close and read a private tally; anonymous callers must sign in", async () => {
    const poll = await alice.api.poll.create.mutate({
      question: "Dessert?",
      options: [{ label: "Hotteok" }, { label: "Bingsu" }],
      resultsVisibility: "after_close",
    });
    const anonymous = app.browser();

    expect(await errorCodeOf(anonymous.api.poll.open.mutate({ pollId: poll.id }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(bob.api.poll.open.mutate({ pollId: poll.id }))).toBe("FORBIDDEN");
    expect(await alice.api.poll.open.mutate({ pollId: poll.id })).toEqual({ status: "open" });

    await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] });
    expect(await bob.api.poll.results.query({ pollId: poll.id })).toBeNull();
    expect(await anonymous.api.poll.results.query({ pollId: poll.id })).toBeNull();
    expect((await alice.api.poll.results.query({ pollId: poll.id }))?.total).toBe(1);

    expect(await errorCodeOf(anonymous.api.poll.close.mutate({ pollId: poll.id }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(bob.api.poll.close.mutate({ pollId: poll.id }))).toBe("FORBIDDEN");
    expect((await alice.api.poll.get.query({ pollId: poll.id })).status).toBe("open");
    await alice.api.poll.close.mutate({ pollId: poll.id });
    expect((await alice.api.poll.get.query({ slug: poll.slug })).status).toBe("closed");
  });

  it("lists each owner's own polls only, and refuses a poll in another owner's restaurant", async () => {
    const mine = await createOpenPoll(bob);
    const bobsPolls = await bob.api.poll.mine.query();
    expect(bobsPolls.map((p) => p.id)).toContain(mine.id);
    expect((await alice.api.poll.mine.query()).map((p) => p.id)).not.toContain(mine.id);
    expect(await errorCodeOf(app.browser().api.poll.mine.query())).toBe("UNAUTHORIZED");

    const bobsRestaurant = (await bob.api.auth.me.query()).restaurants[0].id;
    const intrusion = alice.api.poll.create.mutate({ restaurantId: bobsRestaurant, question: "Mine now?", options: [{ label: "a" }, { label: "b" }] });
    expect(await errorCodeOf(intrusion)).toBe("FORBIDDEN");
  });

  it("refuses reopening a closed poll", async () => {
    const poll = await createOpenPoll(alice);
    await alice.api.poll.close.mutate({ pollId: poll.id });
    expect(await errorCodeOf(alice.api.poll.open.mutate({ pollId: poll.id }))).toBe("PRECONDITION_FAILED");
  });
});
