import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("strict one-person-one-vote with printed ballot codes", () => {
  const app = useTestApp("redis");

  it("admits only code holders, one vote per code whatever the browser, and shows a code's coupon again", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await owner.api.poll.create.mutate({
      question: "Chef's choice?",
      options: [{ label: "A" }, { label: "B" }],
      ballotCodes: 3,
      promotion: { title: "T", discount: "D", quantity: 1, validUntil: new Date(Date.now() + 86_400_000) },
    });
    await owner.api.poll.open.mutate({ pollId: poll.id });
    const codes = await owner.api.poll.ballotCodes.query({ pollId: poll.id });
    expect(codes.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(codes[0].path).toBe(`/p/${poll.slug}?code=${codes[0].code}`);
    expect((await app.browser().api.poll.get.query({ pollId: poll.id })).requiresBallotCode).toBe(true);

    const vote = (ballotCode?: string) => app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id], ballotCode });
    expect(await errorCodeOf(vote())).toBe("FORBIDDEN");
    expect(await errorCodeOf(vote("1-AAAAAAAAAA"))).toBe("FORBIDDEN");
    expect(await errorCodeOf(vote(`9-${codes[0].code.slice(2)}`))).toBe("FORBIDDEN");

    const first = await vote(codes[0].code);
    expect(first.status).toBe("accepted");
    expect(first.coupon).not.toBeNull();
    // A fresh browser (cookies cleared) with the same card is the same voter.
    const again = await vote(codes[0].code.toLowerCase());
    expect(again).toMatchObject({ status: "already_voted", coupon: { code: first.coupon!.code } });
    expect((await vote(codes[1].code)).status).toBe("accepted");
    expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(2);
  });
});
