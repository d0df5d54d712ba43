import { describe, expect, it } from "vitest";
import type { Browser } from "../../test/support/browser";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { type TestApp, useTestApp } from "../../test/support/testApp";
import { UNLIMITED } from "../limits/rules";

const promotion = () => ({ title: "Free tea", discount: "1 cup", quantity: 10, validUntil: new Date(Date.now() + 86_400_000) });

/** An owner, a staff member who accepted the invite with `pin`, and a tablet the owner enrolled and then left. */
async function counterWithStaff(app: TestApp, pin = "4827") {
  const owner = app.browser();
  const { email } = await signUpOwner(owner);
  const invite = await owner.api.staff.invite.mutate({ name: "Jisoo" });
  expect(invite.path).toBe(`/staff/join?code=${invite.code}`);
  const phone = app.browser();
  expect(await phone.api.counter.readInvite.query({ code: invite.code })).toEqual({ name: "Jisoo", restaurantName: "Test Bistro" });
  await phone.api.counter.acceptInvite.mutate({ code: invite.code, pin });
  // The owner signs in on the shared tablet, enrols it, and signs out: the tablet keeps only its device cookie.
  const tablet = app.browser();
  await tablet.api.auth.signIn.mutate({ email, password: "a long enough password" });
  const device = await tablet.api.staff.enrolThisDevice.mutate({ name: "Front counter" });
  await tablet.api.auth.signOut.mutate();
  return { owner, tablet, staffId: invite.id, deviceId: device.id, inviteCode: invite.code };
}

async function winCoupon(app: TestApp, owner: Browser) {
  const poll = await createOpenPoll(owner, { promotion: promotion() });
  return (await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] })).coupon!.code;
}

describe("staff at the counter", () => {
  const app = useTestApp("postgres");

  it("an invited staff member redeems with a PIN on the enrolled tablet, audited; revoking them ends it at once", async () => {
    const { owner, tablet, staffId, inviteCode } = await counterWithStaff(app);
    expect(await errorCodeOf(app.browser().api.counter.acceptInvite.mutate({ code: inviteCode, pin: "1111" }))).toBe("NOT_FOUND");
    expect(await tablet.api.counter.device.query()).toEqual({ name: "Front counter", restaurantName: "Test Bistro", names: [{ id: staffId, name: "Jisoo" }], staff: null });

    const code = await winCoupon(app, owner);
    expect(await errorCodeOf(tablet.api.counter.redeem.mutate({ code }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(tablet.api.counter.signIn.mutate({ staffId, pin: "0000" }))).toBe("UNAUTHORIZED");
    expect(await tablet.api.counter.signIn.mutate({ staffId, pin: "4827" })).toEqual({ id: staffId, name: "Jisoo" });
    expect(await tablet.api.counter.redeem.mutate({ code })).toMatchObject({ code, title: "Free tea" });
    // The owner's own browser is no counter tablet; the tablet is redeem-only: nothing of the owner's.
    expect(await errorCodeOf(owner.api.counter.redeem.mutate({ code }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(tablet.api.promotion.redeem.mutate({ code }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(tablet.api.poll.mine.query())).toBe("UNAUTHORIZED");

    const roster = await owner.api.staff.roster.query();
    expect(roster.staff).toEqual([{ id: staffId, name: "Jisoo", status: "active" }]);
    expect(roster.redemptions).toEqual([expect.objectContaining({ code, title: "Free tea", staff: "Jisoo", device: "Front counter", undoneAt: null })]);

    await owner.api.staff.revokeStaff.mutate({ staffId });
    const next = await winCoupon(app, owner);
    expect(await errorCodeOf(tablet.api.counter.redeem.mutate({ code: next }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(tablet.api.counter.signIn.mutate({ staffId, pin: "4827" }))).toBe("UNAUTHORIZED");
    expect((await tablet.api.counter.device.query())?.names).toEqual([]);
    expect((await owner.api.staff.roster.query()).staff[0].status).toBe("revoked");
  });

  it("revoking the tablet ends its staff sessions at once; another owner can neither see nor revoke", async () => {
    const { owner, tablet, staffId, deviceId } = await counterWithStaff(app);
    await tablet.api.counter.signIn.mutate({ staffId, pin: "4827" });
    const code = await winCoupon(app, owner);

    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.staff.revokeDevice.mutate({ deviceId }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(stranger.api.staff.revokeStaff.mutate({ staffId }))).toBe("NOT_FOUND");
    expect((await stranger.api.staff.roster.query()).staff).toEqual([]);

    await owner.api.staff.revokeDevice.mutate({ deviceId });
    expect(await errorCodeOf(tablet.api.counter.redeem.mutate({ code }))).toBe("UNAUTHORIZED");
    expect(await tablet.api.counter.device.query()).toBeNull();
    expect(await app.services.db.staffSession.count({ where: { deviceId } })).toBe(0);
  });

  it("a staff tablet redeems only its own restaurant's coupons", async () => {
    const { tablet, staffId } = await counterWithStaff(app);
    await tablet.api.counter.signIn.mutate({ staffId, pin: "4827" });
    const elsewhere = app.browser();
    await signUpOwner(elsewhere);
    expect(await errorCodeOf(tablet.api.counter.redeem.mutate({ code: await winCoupon(app, elsewhere) }))).toBe("NOT_FOUND");
  });
});

describe("staff PINs are rate-limited per staff member and device", () => {
  const app = useTestApp("postgres", { limits: { ...UNLIMITED, staffPinsPerStaff: { limit: 3, windowMs: 60_000 } } });

  it("stops guessing after three tries, even with the right PIN, and says when to try again", async () => {
    const { tablet, staffId } = await counterWithStaff(app);
    for (const guess of ["1111", "2222", "3333"]) expect(await errorCodeOf(tablet.api.counter.signIn.mutate({ staffId, pin: guess }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(tablet.api.counter.signIn.mutate({ staffId, pin: "4827" }))).toBe("TOO_MANY_REQUESTS");
  });
});
