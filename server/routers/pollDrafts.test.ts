import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../../test/support/browser";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("a poll's setup: edit a draft, duplicate, delete a draft, archive", () => {
  const app = useTestApp("redis");
  let owner: Browser;
  let stranger: Browser;
  beforeAll(async () => {
    owner = app.browser();
    stranger = app.browser();
    await signUpOwner(owner);
    await signUpOwner(stranger);
  });
  const draftInput = { question: "Lunch?", options: [{ label: "Rice" }, { label: "Noodles" }] };

  it("edits every field of a draft, and nothing once it is open", async () => {
    const draft = await owner.api.poll.create.mutate({ ...draftInput, promotion: { title: "Tea", discount: "Free", quantity: 3, validUntil: new Date(Date.now() + 86_400_000) } });
    const closesAt = new Date(Date.now() + 3_600_000);
    await owner.api.poll.update.mutate({
      pollId: draft.id,
      question: "Dinner?",
      options: [{ label: "Bulgogi" }, { label: "Bibimbap" }, { label: "Japchae" }],
      multipleChoice: true,
      maxChoices: 2,
      closesAt,
      resultsVisibility: "after_vote",
    });
    expect(await owner.api.poll.draft.query({ pollId: draft.id })).toMatchObject({
      question: "Dinner?",
      options: [{ label: "Bulgogi" }, { label: "Bibimbap" }, { label: "Japchae" }],
      multipleChoice: true,
      maxChoices: 2,
      closesAt: closesAt.toISOString(),
      resultsVisibility: "after_vote",
      promotion: null,
    });
    const opened = await owner.api.poll.get.query({ pollId: draft.id });
    expect(opened.options.map((o) => o.label)).toEqual(["Bulgogi", "Bibimbap", "Japchae"]);
    // An option keeps its id through an edit of its label (a screen showing the draft keeps counting it).
    expect(opened.options.slice(0, 2).map((o) => o.id)).toEqual(draft.options.map((o) => o.id));

    await owner.api.poll.open.mutate({ pollId: draft.id });
    const ballot = await app.browser().api.vote.cast.mutate({ pollId: draft.id, optionIds: [opened.options[2].id] });
    expect(ballot.status).toBe("accepted");
    expect(await errorCodeOf(owner.api.poll.update.mutate({ pollId: draft.id, ...draftInput }))).toBe("PRECONDITION_FAILED");
    expect(await errorCodeOf(owner.api.poll.draft.query({ pollId: draft.id }))).toBe("PRECONDITION_FAILED");
    expect(await errorCodeOf(stranger.api.poll.update.mutate({ pollId: draft.id, ...draftInput }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(owner.api.poll.update.mutate({ pollId: draft.id, ...draftInput, question: "" }))).toBe("BAD_REQUEST");
  });

  it("a draft edited after it was shown (and loaded into Redis) opens with its edited options", async () => {
    const draft = await owner.api.poll.create.mutate(draftInput);
    await owner.api.poll.results.query({ pollId: draft.id }); // loads the draft's Redis state
    await owner.api.poll.update.mutate({ pollId: draft.id, ...draftInput, options: [{ label: "Kimbap" }, { label: "Ramyeon" }] });
    await owner.api.poll.open.mutate({ pollId: draft.id });
    const { options } = await owner.api.poll.get.query({ pollId: draft.id });
    await app.browser().api.vote.cast.mutate({ pollId: draft.id, optionIds: [options[1].id] });
    expect(await owner.api.poll.results.query({ pollId: draft.id })).toMatchObject({ counts: { [options[1].id]: 1 }, total: 1 });
  });

  it("duplicates any poll as a new draft, past times left out", async () => {
    const poll = await createOpenPoll(owner, {
      closesAt: new Date(Date.now() + 1_000),
      promotion: { title: "Tea", discount: "Free", quantity: 4, validUntil: new Date(Date.now() + 1_000) },
    });
    await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    await new Promise((r) => setTimeout(r, 1_100));
    const copy = await owner.api.poll.duplicate.mutate({ pollId: poll.id });
    const draft = await owner.api.poll.draft.query({ pollId: copy.id });
    expect(draft).toMatchObject({ status: "draft", question: "Which dish becomes next week's special?", closesAt: null });
    expect(draft.options.map((o) => o.label)).toEqual(poll.options.map((o) => o.label));
    expect(draft.promotion).toMatchObject({ title: "Tea", quantity: 4 });
    expect(Date.parse(draft.promotion!.validUntil)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(await owner.api.poll.results.query({ pollId: copy.id })).toMatchObject({ total: 0 });
    expect(await errorCodeOf(stranger.api.poll.duplicate.mutate({ pollId: poll.id }))).toBe("FORBIDDEN");
  });

  it("deletes only drafts", async () => {
    const draft = await owner.api.poll.create.mutate(draftInput);
    expect(await errorCodeOf(stranger.api.poll.delete.mutate({ pollId: draft.id }))).toBe("FORBIDDEN");
    await owner.api.poll.delete.mutate({ pollId: draft.id });
    expect(await errorCodeOf(owner.api.poll.get.query({ pollId: draft.id }))).toBe("NOT_FOUND");
    const open = await createOpenPoll(owner);
    expect(await errorCodeOf(owner.api.poll.delete.mutate({ pollId: open.id }))).toBe("PRECONDITION_FAILED");
  });

  it("archives a closed poll out of the dashboard's list and back; a reopen takes it out of the archive", async () => {
    const poll = await createOpenPoll(owner);
    expect(await errorCodeOf(owner.api.poll.archive.mutate({ pollId: poll.id, archived: true }))).toBe("PRECONDITION_FAILED");
    await owner.api.poll.close.mutate({ pollId: poll.id });
    await owner.api.poll.archive.mutate({ pollId: poll.id, archived: true });
    const ids = async (archived: boolean) => (await owner.api.poll.mine.query({ archived })).map((p) => p.id);
    expect(await ids(false)).not.toContain(poll.id);
    expect(await ids(true)).toContain(poll.id);
    expect((await owner.api.poll.exportBallots.query({ pollId: poll.id })).csv).toContain("ballot,");
    await owner.api.poll.archive.mutate({ pollId: poll.id, archived: false });
    expect(await ids(false)).toContain(poll.id);
    await owner.api.poll.archive.mutate({ pollId: poll.id, archived: true });
    await owner.api.poll.reopen.mutate({ pollId: poll.id, closesAt: null });
    expect(await ids(false)).toContain(poll.id);
    expect(await errorCodeOf(stranger.api.poll.archive.mutate({ pollId: poll.id, archived: true }))).toBe("FORBIDDEN");
  });
});
