import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../../test/support/browser";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("promotions and redemption at the counter", () => {
  const app = useTestApp("postgres");
  let owner: Browser;
  beforeAll(async () => {
    owner = app.browser();
    await signUpOwner(owner);
  });

  const promotion = (quantity = 5, validUntil = new Date(Date.now() + 86_400_000)) => ({ title: "Half price", discount: "50%", quantity, validUntil });

  async function winCoupon() {
    const poll = await createOpenPoll(owner, { promotion: promotion() });
    const vote = await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    return vote.coupon!.code;
  }

  it("redeems a code once; 50 concurrent redemptions of one code have exactly one winner", async () => {
    const code = await winCoupon();
    expect(await owner.api.promotion.lookupCoupon.query({ code: code.toLowerCase() })).toMatchObject({ code, redeemedAt: null });
    const attempts = await Promise.allSettled(Array.from({ length: 50 }, () => owner.api.promotion.redeem.mutate({ code })));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === "rejected")) {
      expect((failed.reason as { data?: { code?: string } }).data?.code).toBe("CONFLICT");
    }
    const refusal = (await owner.api.promotion.redeem.mutate({ code }).catch((e: unknown) => e)) as {
      data: { code: string; details: { redeemedAt: string } };
    };
    expect(refusal.data.code).toBe("CONFLICT");
    expect(new Date(refusal.data.details.redeemedAt).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("refuses unknown, malformed, foreign and expired codes clearly", async () => {
    expect(await errorCodeOf(owner.api.promotion.redeem.mutate({ code: "NOSUCHCODE00" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(owner.api.promotion.redeem.mutate({ code: "<script>" }))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(owner.api.promotion.redeem.mutate({ code: "" }))).toBe("BAD_REQUEST");

    const code = await winCoupon();
    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.promotion.redeem.mutate({ code }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(stranger.api.promotion.lookupCoupon.query({ code }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(app.browser().api.promotion.redeem.mutate({ code }))).toBe("UNAUTHORIZED");

    const poll = await createOpenPoll(owner, { promotion: promotion(5, new Date(Date.now() + 1_500)) });
    const expiring = await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await errorCodeOf(owner.api.promotion.redeem.mutate({ code: expiring.coupon!.code }))).toBe("PRECONDITION_FAILED");
    // After its validity, a vote still counts but wins nothing.
    const late = await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    expect(late).toMatchObject({ status: "accepted", coupon: null });
  });

  it("tells anyone how many coupons are left, and nothing while none is offered", async () => {
    const poll = await createOpenPoll(owner, { promotion: promotion(2) });
    const anyone = app.browser();
    expect(await anyone.api.promotion.stock.query({ pollId: poll.id })).toMatchObject({ quantity: 2, left: 2, running: true });
    for (let voters = 0; voters < 3; voters++) await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    // Answers are shared for a second between viewers; a later one sees every coupon won, and never fewer than none.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await anyone.api.promotion.stock.query({ pollId: poll.id })).toMatchObject({ quantity: 2, left: 0 });

    const plain = await createOpenPoll(owner);
    expect(await anyone.api.promotion.stock.query({ pollId: plain.id })).toBeNull();
    expect(await errorCodeOf(anyone.api.promotion.stock.query({ pollId: "nosuchpoll" }))).toBe("NOT_FOUND");
  });

  it("lets a promotion be set only on the owner's draft polls", async () => {
    const draft = await owner.api.poll.create.mutate({ question: "Q?", options: [{ label: "A" }, { label: "B" }] });
    expect(await owner.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(3) })).toMatchObject({ quantity: 3 });
    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(9) }))).toBe("FORBIDDEN");
    await owner.api.poll.open.mutate({ pollId: draft.id });
    expect(await errorCodeOf(owner.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(9) }))).toBe("PRECONDITION_FAILED");
    expect(await errorCodeOf(owner.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(0) }))).toBe("BAD_REQUEST");
    expect((await owner.api.promotion.status.query({ pollId: draft.id })).quantity).toBe(3);
  });
});
