import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("join codes typed at /join", () => {
  const app = useTestApp("postgres");

  it("every poll gets its own six-character code; an open poll's is found however it is typed, a draft's and an archived one's are not", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const open = await createOpenPoll(owner);
    const draft = await owner.api.poll.create.mutate({ question: "Draft?", options: [{ label: "A" }, { label: "B" }] });
    const diner = app.browser();
    const { joinCode } = await diner.api.poll.get.query({ pollId: open.id });
    const draftCode = (await owner.api.poll.get.query({ pollId: draft.id })).joinCode;
    expect(joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(draftCode).not.toBe(joinCode);

    const typed = `${joinCode.slice(0, 3).toLowerCase()} - ${joinCode.slice(3)}`.replace(/0/g, "o").replace(/1/g, "l");
    expect(await diner.api.poll.byJoinCode.query({ code: typed })).toEqual({ slug: open.slug });
    expect(await errorCodeOf(diner.api.poll.byJoinCode.query({ code: draftCode }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(diner.api.poll.byJoinCode.query({ code: "nope" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(diner.api.poll.byJoinCode.query({ code: "x".repeat(21) }))).toBe("BAD_REQUEST");

    await owner.api.poll.close.mutate({ pollId: open.id });
    await owner.api.poll.archive.mutate({ pollId: open.id, archived: true });
    expect(await errorCodeOf(diner.api.poll.byJoinCode.query({ code: joinCode }))).toBe("NOT_FOUND");
  });
});
