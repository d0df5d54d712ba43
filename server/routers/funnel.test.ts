import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";
import { countPageOpen } from "../domain/funnel/pageOpens";

describe("what the promotion did", () => {
  const app = useTestApp("redis");

  it("counts page opens, votes, coupons issued and redeemed, in all and per hour of the restaurant's day, as data and CSV", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    await owner.api.account.updateRestaurant.mutate({ name: "Test Bistro", currency: "KRW", timeZone: "Asia/Seoul" });
    const poll = await createOpenPoll(owner, { promotion: { title: "Tea", discount: "Free", quantity: 2, validUntil: new Date(Date.now() + 86_400_000) } });
    const diners = [app.browser(), app.browser(), app.browser(), app.browser()];
    for (const diner of diners) await diner.api.funnel.pageOpened.mutate({ pollId: poll.id });
    await diners[0].api.funnel.pageOpened.mutate({ pollId: poll.id });
    const votes = [];
    for (const diner of diners.slice(0, 3)) votes.push(await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] }));
    await owner.api.promotion.redeem.mutate({ code: votes[0].coupon!.code });
    const undone = votes[1].coupon!.code;
    await owner.api.promotion.redeem.mutate({ code: undone });
    await owner.api.promotion.undoRedemption.mutate({ code: undone });

    const funnel = await owner.api.funnel.ofPoll.query({ pollId: poll.id });
    expect(funnel.totals).toEqual({ opens: 5, votes: 3, issued: 2, redeemed: 1 });
    const seoulHour = Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: "Asia/Seoul" }).format(new Date()));
    // Everything happened within the last few seconds: one hour of the day holds it all (or two, across an hour's turn).
    expect(funnel.byHour.map((h) => h.hour).every((h) => h === seoulHour || h === (seoulHour + 23) % 24)).toBe(true);
    expect(funnel.byHour.reduce((sum, h) => sum + h.votes, 0)).toBe(3);

    const { filename, csv } = await owner.api.funnel.csv.query({ pollId: poll.id });
    expect(filename).toBe(`tableside-${poll.slug}-funnel.csv`);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("hour,page_opens,votes,coupons_issued,coupons_redeemed");
    expect(lines).toHaveLength(26);
    expect(lines[25]).toBe("total,5,3,2,1");
    expect(lines[1 + seoulHour].startsWith(`${String(seoulHour).padStart(2, "0")}:00,`)).toBe(true);

    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.funnel.ofPoll.query({ pollId: poll.id }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(app.browser().api.funnel.pageOpened.mutate({ pollId: "no-such-poll" }))).toBe("NOT_FOUND");
  });

  it("counts by the restaurant's own hours in a half-hour time zone (Asia/Kolkata, +05:30), page opens too", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    await owner.api.account.updateRestaurant.mutate({ name: "Test Bistro", currency: "INR", timeZone: "Asia/Kolkata" });
    const poll = await createOpenPoll(owner);
    // 10:20 and 10:29 UTC are 15:50 and 15:59 in Kolkata; 10:30, 10:40 and 11:25 UTC are 16:00, 16:10 and 16:55.
    for (const at of ["10:20", "10:29", "10:30", "10:40", "11:25"]) await countPageOpen(app.services.db, poll.id, new Date(`2026-12-01T${at}:00Z`));
    // A vote's own time: moved to 10:45 UTC, 16:15 in Kolkata.
    await owner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    await app.services.db.ballot.updateMany({ where: { pollId: poll.id }, data: { castAt: new Date("2026-12-01T10:45:00Z") } });

    const funnel = await owner.api.funnel.ofPoll.query({ pollId: poll.id });
    expect(funnel.byHour).toEqual([
      { hour: 15, opens: 2, votes: 0, issued: 0, redeemed: 0 },
      { hour: 16, opens: 3, votes: 1, issued: 0, redeemed: 0 },
    ]);
    const lines = (await owner.api.funnel.csv.query({ pollId: poll.id })).csv.trim().split("\n");
    expect([lines[1 + 15], lines[1 + 16]]).toEqual(["15:00,2,0,0,0", "16:00,3,1,0,0"]);
  });
});
