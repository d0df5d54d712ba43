import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../../test/support/browser";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("promotions and redemption at the counter", () => {
  const app = useTestApp("postgres");
  let owner: Browser;
  let ownerEmail: string;
  beforeAll(async () => {
    owner = app.browser();
    ownerEmail = (await signUpOwner(owner)).email;
  });

  const promotion = (quantity = 5, validUntil = new Date(Date.now() + 86_400_000)) => ({ title: "Half price", discount: "50%", quantity, validUntil });

  async function winCoupon() {
    const poll = await createOpenPoll(owner, { promotion: promotion() });
    const vote = await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    return vote.coupon!.code;
  }

  /** Another staff phone signed in to the same owner account. */
  async function secondDevice() {
    const device = app.browser();
    await device.api.auth.signIn.mutate({ email: ownerEmail, password: "a long enough password" });
    return device;
  }
  const redemptionRows = (code: string) =>
    app.services.db.couponRedemption.findMany({ where: { coupon: { code } }, select: { redeemedAt: true, undoneAt: true } });

  it("concurrent redemptions of one code from 12 devices have exactly one winner", async () => {
    const code = await winCoupon();
    expect(await owner.api.promotion.lookupCoupon.query({ code: code.toLowerCase() })).toMatchObject({ code, redeemedAt: null });
    const devices = await Promise.all(Array.from({ length: 12 }, secondDevice));
    const attempts = await Promise.allSettled(devices.map((device) => device.api.promotion.redeem.mutate({ code })));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === "rejected")) {
      expect((failed.reason as { data?: { code?: string } }).data?.code).toBe("CONFLICT");
    }
    const refusal = (await owner.api.promotion.redeem.mutate({ code }).catch((e: unknown) => e)) as {
      data: { code: string; details: { redeemedAt: string } };
    };
    expect(refusal.data.code).toBe("CONFLICT");
    expect(new Date(refusal.data.details.redeemedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await redemptionRows(code)).toHaveLength(1);
  });

  it("the same device's concurrent double taps all read as the one success, with one redemption row", async () => {
    const code = await winCoupon();
    const taps = await Promise.all(Array.from({ length: 20 }, (_, i) => owner.api.promotion.redeem.mutate({ code: i % 2 ? code : code.toLowerCase() })));
    expect(new Set(taps.map((tap) => tap.redeemedAt)).size).toBe(1);
    expect(taps[0]).toMatchObject({ code, title: "Half price", discount: "50%" });
    const rows = await redemptionRows(code);
    expect(rows).toEqual([{ redeemedAt: new Date(taps[0].redeemedAt), undoneAt: null }]);
    // Typed with spaces and dashes, later: still the same success.
    const again = await owner.api.promotion.redeem.mutate({ code: `${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}` });
    expect(again.redeemedAt).toBe(taps[0].redeemedAt);
  });

  it("a redemption is undone within two minutes, kept as undone, and the coupon can be redeemed again", async () => {
    const code = await winCoupon();
    const first = await owner.api.promotion.redeem.mutate({ code });
    const other = await secondDevice();
    expect(await errorCodeOf(other.api.promotion.redeem.mutate({ code }))).toBe("CONFLICT");
    await other.api.promotion.undoRedemption.mutate({ code });
    expect(await owner.api.promotion.lookupCoupon.query({ code })).toMatchObject({ redeemedAt: null });
    expect(await errorCodeOf(other.api.promotion.undoRedemption.mutate({ code }))).toBe("NOT_FOUND");
    const second = await other.api.promotion.redeem.mutate({ code });
    expect(second.redeemedAt).not.toBe(first.redeemedAt);
    const rows = await redemptionRows(code);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.undoneAt === null)).toHaveLength(1);

    const today = await owner.api.promotion.redemptionsToday.query();
    const mine = today.filter((r) => r.code === code);
    expect(mine).toEqual([
      expect.objectContaining({ redeemedAt: second.redeemedAt, undoneAt: null, undoable: true }),
      expect.objectContaining({ redeemedAt: first.redeemedAt, undoneAt: expect.any(String), undoable: false }),
    ]);
    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.promotion.undoRedemption.mutate({ code }))).toBe("NOT_FOUND");
    expect((await stranger.api.promotion.redemptionsToday.query()).map((r) => r.code)).not.toContain(code);
  });

  it("a redemption older than two minutes is not undone, and another tap then says already redeemed", async () => {
    const code = await winCoupon();
    await owner.api.promotion.redeem.mutate({ code });
    const threeMinutesAgo = new Date(Date.now() - 3 * 60_000);
    await app.services.db.couponRedemption.updateMany({ where: { coupon: { code } }, data: { redeemedAt: threeMinutesAgo } });
    await app.services.db.coupon.update({ where: { code }, data: { redeemedAt: threeMinutesAgo } });
    expect(await errorCodeOf(owner.api.promotion.undoRedemption.mutate({ code }))).toBe("PRECONDITION_FAILED");
    expect(await errorCodeOf(owner.api.promotion.redeem.mutate({ code }))).toBe("CONFLICT");
  });

  it("refuses unknown, malformed, foreign and expired codes clearly", async () => {
    expect(await errorCodeOf(owner.api.promotion.redeem.mutate({ code: "ZZZZ0000ZZZZ" }))).toBe("NOT_FOUND");
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
    expect((await owner.api.poll.draft.query({ pollId: draft.id })).presenceRequired).toBe(false);
    // As at creation, a promotion asks for proof of presence, unless the owner says otherwise.
    expect(await owner.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(3) })).toMatchObject({ quantity: 3, presenceRequired: true });
    expect((await owner.api.poll.draft.query({ pollId: draft.id })).presenceRequired).toBe(true);
    const optedOut = await owner.api.poll.create.mutate({ question: "Q?", options: [{ label: "A" }, { label: "B" }] });
    await owner.api.promotion.attach.mutate({ pollId: optedOut.id, ...promotion(2), presenceRequired: false });
    expect((await owner.api.poll.draft.query({ pollId: optedOut.id })).presenceRequired).toBe(false);
    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(9) }))).toBe("FORBIDDEN");
    await owner.api.poll.open.mutate({ pollId: draft.id });
    expect(await errorCodeOf(owner.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(9) }))).toBe("PRECONDITION_FAILED");
    expect(await errorCodeOf(owner.api.promotion.attach.mutate({ pollId: draft.id, ...promotion(0) }))).toBe("BAD_REQUEST");
    expect((await owner.api.promotion.status.query({ pollId: draft.id })).quantity).toBe(3);
  });
});
