import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./appRouter";
import type { Browser } from "../../test/support/browser";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

type Outcome = "ok" | string;
const PASSWORD = "a long enough password";
const outcome = (call: Promise<unknown>): Promise<Outcome> =>
  call.then(
    () => "ok",
    (e: { data?: { code?: string } }) => e.data?.code ?? "?",
  );

/** A closed menu vote with one ballot, so its winner can become the special. */
async function closedMenuVote(owner: Browser, menuItemId: string) {
  const poll = await createOpenPoll(owner, { options: [{ label: "Japchae", menuItemId }, { label: "Other" }] });
  await owner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
  await owner.api.poll.close.mutate({ pollId: poll.id });
  return poll.id;
}

/**
 * Every owner procedure, called on Alice's things by nobody, by Bob (another owner) and by Alice: only Alice
 * succeeds. The table must list every procedure that demands sign-in; a new one fails the completeness check.
 */
describe("authorisation table", () => {
  const app = useTestApp("postgres");
  let alice: Browser;
  let bob: Browser;
  let fixture: {
    draftId: string;
    spareDraftId: string;
    openId: string;
    closedId: string;
    menuItemId: string;
    restaurantId: string;
    couponCode: string;
    staffId: string;
    deviceId: string;
    winnerPollId: string;
    answersPollId: string;
    answerId: string;
  };
  beforeAll(async () => {
    [alice, bob] = [app.browser(), app.browser()];
    await signUpOwner(alice);
    await signUpOwner(bob);
    const draft = await alice.api.poll.create.mutate({ question: "Draft?", options: [{ label: "A" }, { label: "B" }] });
    const open = await createOpenPoll(alice, { promotion: { title: "T", discount: "D", quantity: 5, validUntil: new Date(Date.now() + 86_400_000) } });
    const vote = await app.browser().api.vote.cast.mutate({ pollId: open.id, optionIds: [open.options[0].id] });
    const menuItem = await alice.api.menu.add.mutate({ nameEn: "Japchae", priceCents: 900 });
    const spareDraft = await alice.api.poll.create.mutate({ question: "Spare?", options: [{ label: "A" }, { label: "B" }] });
    const closed = await createOpenPoll(alice);
    await alice.api.poll.close.mutate({ pollId: closed.id });
    const answers = await alice.api.poll.create.mutate({ question: "Anything to add?", kind: "open", presenceRequired: false });
    await alice.api.poll.open.mutate({ pollId: answers.id });
    await app.browser().api.answer.submit.mutate({ pollId: answers.id, text: "More kimchi" });
    fixture = {
      answersPollId: answers.id,
      answerId: (await alice.api.answer.list.query({ pollId: answers.id })).answers[0].id,
      draftId: draft.id,
      spareDraftId: spareDraft.id,
      openId: open.id,
      closedId: closed.id,
      menuItemId: menuItem.id,
      restaurantId: (await alice.api.auth.me.query()).restaurants[0].id,
      couponCode: vote.coupon!.code,
      staffId: (await alice.api.staff.invite.mutate({ name: "Jisoo" })).id,
      deviceId: (await alice.api.staff.enrolThisDevice.mutate({ name: "Counter" })).id,
      winnerPollId: await closedMenuVote(alice, menuItem.id),
    };
  });

  const promotion = { title: "Promo", discount: "10%", quantity: 3, validUntil: new Date(Date.now() + 86_400_000) };
  // [procedure, call, what another owner gets]: "own data" means it succeeds but shows only Bob's own things.
  const table: [string, (b: Browser) => Promise<unknown>, string][] = [
    ["auth.me", (b) => b.api.auth.me.query(), "own data"],
    ["poll.mine", (b) => b.api.poll.mine.query(), "own data"],
    ["poll.create", (b) => b.api.poll.create.mutate({ restaurantId: fixture.restaurantId, question: "Q?", options: [{ label: "x" }, { label: "y" }] }), "FORBIDDEN"],
    ["poll.history", (b) => b.api.poll.history.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["poll.ballotCodes", (b) => b.api.poll.ballotCodes.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["poll.exportBallots", (b) => b.api.poll.exportBallots.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["funnel.ofPoll", (b) => b.api.funnel.ofPoll.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["funnel.csv", (b) => b.api.funnel.csv.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["specials.fromWinner", (b) => b.api.specials.fromWinner.mutate({ pollId: fixture.winnerPollId, startsOn: "2026-12-24", endsOn: "2026-12-25" }), "FORBIDDEN"],
    ["staff.invite", (b) => b.api.staff.invite.mutate({ restaurantId: fixture.restaurantId, name: "Min" }), "FORBIDDEN"],
    ["staff.roster", (b) => b.api.staff.roster.query({ restaurantId: fixture.restaurantId }), "FORBIDDEN"],
    ["staff.enrolThisDevice", (b) => b.api.staff.enrolThisDevice.mutate({ restaurantId: fixture.restaurantId, name: "Tablet" }), "FORBIDDEN"],
    ["staff.revokeStaff", (b) => b.api.staff.revokeStaff.mutate({ staffId: fixture.staffId }), "NOT_FOUND"],
    ["staff.revokeDevice", (b) => b.api.staff.revokeDevice.mutate({ deviceId: fixture.deviceId }), "NOT_FOUND"],
    ["presence.screenPath", (b) => b.api.presence.screenPath.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["screen.restaurantPath", (b) => b.api.screen.restaurantPath.query(), "own data"],
    ["presence.tableCards", (b) => b.api.presence.tableCards.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["presence.tableResults", (b) => b.api.presence.tableResults.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["promotion.attach", (b) => b.api.promotion.attach.mutate({ pollId: fixture.draftId, ...promotion }), "FORBIDDEN"],
    ["promotion.status", (b) => b.api.promotion.status.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["promotion.lookupCoupon", (b) => b.api.promotion.lookupCoupon.query({ code: fixture.couponCode }), "NOT_FOUND"],
    ["promotion.redeem", (b) => b.api.promotion.redeem.mutate({ code: fixture.couponCode }), "NOT_FOUND"],
    ["promotion.undoRedemption", (b) => b.api.promotion.undoRedemption.mutate({ code: fixture.couponCode }), "NOT_FOUND"],
    ["promotion.redemptionsToday", (b) => b.api.promotion.redemptionsToday.query(), "own data"],
    ["menu.list", (b) => b.api.menu.list.query({ restaurantId: fixture.restaurantId }), "FORBIDDEN"],
    ["menu.add", (b) => b.api.menu.add.mutate({ restaurantId: fixture.restaurantId, nameEn: "Soup", priceCents: 1 }), "FORBIDDEN"],
    ["menu.update", (b) => b.api.menu.update.mutate({ menuItemId: fixture.menuItemId, nameKo: "국", priceCents: 2 }), "FORBIDDEN"],
    ["answer.list", (b) => b.api.answer.list.query({ pollId: fixture.answersPollId }), "FORBIDDEN"],
    ["answer.hiddenWords", (b) => b.api.answer.hiddenWords.query({ pollId: fixture.answersPollId }), "FORBIDDEN"],
    ["answer.hideWord", (b) => b.api.answer.hideWord.mutate({ pollId: fixture.answersPollId, word: "kimchi", hidden: false }), "FORBIDDEN"],
    ["answer.hideAnswer", (b) => b.api.answer.hideAnswer.mutate({ pollId: fixture.answersPollId, answerId: fixture.answerId, hidden: false }), "FORBIDDEN"],
    ["answer.export", (b) => b.api.answer.export.query({ pollId: fixture.answersPollId }), "FORBIDDEN"],
    ["poll.ownerState", (b) => b.api.poll.ownerState.query({ pollId: fixture.openId }), "FORBIDDEN"],
    ["poll.draft", (b) => b.api.poll.draft.query({ pollId: fixture.draftId }), "FORBIDDEN"],
    ["poll.update", (b) => b.api.poll.update.mutate({ pollId: fixture.draftId, question: "Edited?", options: [{ label: "A" }, { label: "C" }] }), "FORBIDDEN"],
    ["poll.duplicate", (b) => b.api.poll.duplicate.mutate({ pollId: fixture.openId }), "FORBIDDEN"],
    ["poll.delete", (b) => b.api.poll.delete.mutate({ pollId: fixture.spareDraftId }), "FORBIDDEN"],
    ["poll.open", (b) => b.api.poll.open.mutate({ pollId: fixture.draftId }), "FORBIDDEN"],
    ["poll.extend", (b) => b.api.poll.extend.mutate({ pollId: fixture.openId, closesAt: new Date(Date.now() + 3_600_000) }), "FORBIDDEN"],
    ["poll.close", (b) => b.api.poll.close.mutate({ pollId: fixture.openId }), "FORBIDDEN"],
    ["poll.archive", (b) => b.api.poll.archive.mutate({ pollId: fixture.closedId, archived: true }), "FORBIDDEN"],
    ["poll.reopen", (b) => b.api.poll.reopen.mutate({ pollId: fixture.closedId, closesAt: null }), "FORBIDDEN"],
    ["menu.remove", (b) => b.api.menu.remove.mutate({ menuItemId: fixture.menuItemId }), "FORBIDDEN"],
    ["account.updateRestaurant", (b) => b.api.account.updateRestaurant.mutate({ restaurantId: fixture.restaurantId, name: "Renamed", currency: "KRW", timeZone: "Asia/Seoul" }), "FORBIDDEN"],
    // Account procedures act on the caller's own account: another owner changes only their own.
    ["account.changePassword", (b) => b.api.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: PASSWORD }), "own data"],
    ["account.changeEmail", async (b) => b.api.account.changeEmail.mutate({ email: (await b.api.auth.me.query()).email, password: PASSWORD }), "own data"],
    ["account.signOutEverywhere", (b) => b.api.account.signOutEverywhere.mutate(), "own data"],
  ];

  it("lets only the owner through, for every owner procedure", async () => {
    expect((await bob.api.poll.mine.query()).map((p) => p.id)).not.toContain(fixture.openId);
    const rows: string[] = [];
    for (const [name, call, asOther] of table) {
      const got = [await outcome(call(app.browser())), await outcome(call(bob)), await outcome(call(alice))];
      rows.push(`${name.padEnd(24)} anonymous=${got[0].padEnd(13)} other=${got[1].padEnd(10)} owner=${got[2]}`);
      expect(got, name).toEqual(["UNAUTHORIZED", asOther === "own data" ? "ok" : asOther, "ok"]);
    }
    console.log(rows.join("\n"));
  });

  it("covers every procedure that demands sign-in", async () => {
    const guarded: string[] = [];
    const anonymous = app.browser();
    for (const path of Object.keys(appRouter._def.procedures)) {
      const [router, name] = path.split(".");
      const procedure = (anonymous.api as unknown as Record<string, Record<string, { query?: (i: unknown) => Promise<unknown>; mutate?: (i: unknown) => Promise<unknown> }>>)[router][name];
      const type = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]._def.type;
      if (type === "subscription") continue;
      const call = type === "query" ? procedure.query!({}) : procedure.mutate!({});
      if ((await outcome(call)) === "UNAUTHORIZED") guarded.push(path);
    }
    // The counter tablet's staff procedures need an enrolled device and a PIN, not an owner: counter.test.ts.
    const counterTablet = ["counter.signIn", "counter.redeem"];
    expect(guarded.sort()).toEqual([...table.map(([name]) => name), ...counterTablet].sort());
  });
});
