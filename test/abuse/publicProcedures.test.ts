import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../support/browser";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";
import { RawSocket } from "./support/rawSocket";

type Outcome = string;
const outcome = (call: Promise<unknown>): Promise<Outcome> =>
  call.then(
    (value) => (value === null ? "ok: null" : typeof value === "object" && value && "left" in value ? `ok: left=${(value as { left: unknown }).left}` : typeof value === "object" && value && "total" in value ? `ok: total=${(value as { total: number }).total}` : "ok"),
    (e: { data?: { code?: string } }) => e.data?.code ?? "?",
  );

/**
 * The other half of the authorisation table (server/routers/authorisationTable.test.ts has every procedure that
 * demands sign-in): the public procedures (sign-up, sign-in, sign-out and the password reset pair aside: they
 * act on no one's data but the caller's), on Alice's running after_close poll with a promotion, called by
 * nobody, by Bob (another owner) and by Alice. Hidden stays hidden for all but Alice, and only where she asks for
 * herself (the screen's `room` view shows her nothing either). Prints the table for the issue note.
 */
describe("authorisation table: public procedures", () => {
  const app = useTestApp("postgres");
  let alice: Browser;
  let bob: Browser;
  let poll: { id: string; slug: string; options: { id: string }[] };
  beforeAll(async () => {
    [alice, bob] = [app.browser(), app.browser()];
    await signUpOwner(alice);
    await signUpOwner(bob);
    poll = await createOpenPoll(alice, {
      resultsVisibility: "after_close",
      promotion: { title: "T", discount: "D", quantity: 5, validUntil: new Date(Date.now() + 86_400_000) },
    });
    await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
  });

  const subscribe = async (who: Browser, audience: "visitor" | "room") => {
    const socket = await RawSocket.open(app.url, { cookie: who.cookieHeader() });
    const frame = await socket.answer(socket.call("subscription", "poll.onResults", { pollId: poll.id, audience }), (f) => f.result?.type === "data" || Boolean(f.error));
    socket.close();
    if (frame.error) return frame.error.data?.code ?? "?";
    const results = (frame.result!.data as { data: { results: { total: number } | null } }).data.results;
    return results ? `ok: total=${results.total}` : "ok: hidden";
  };

  it("lists what each caller gets from every public procedure", async () => {
    const table: [string, (b: Browser) => Promise<Outcome>][] = [
      ["poll.get", (b) => outcome(b.api.poll.get.query({ pollId: poll.id }))],
      ["poll.shareUrl", (b) => outcome(b.api.poll.shareUrl.query({ pollId: poll.id }))],
      ["poll.results", (b) => outcome(b.api.poll.results.query({ pollId: poll.id }))],
      ["poll.onResults (own view)", (b) => subscribe(b, "visitor")],
      ["poll.onResults (screen: room)", (b) => subscribe(b, "room")],
      ["promotion.stock", (b) => outcome(b.api.promotion.stock.query({ pollId: poll.id }))],
      ["promotion.myCoupon", (b) => outcome(b.api.promotion.myCoupon.query({ pollId: poll.id }))],
      ["auth.passwordResetByEmail", (b) => outcome(b.api.auth.passwordResetByEmail.query())],
      ["poll.byJoinCode", async (b) => outcome(b.api.poll.byJoinCode.query({ code: (await b.api.poll.get.query({ pollId: poll.id })).joinCode }))],
      ["presence.roomCode", (b) => outcome(b.api.presence.roomCode.query({ pollId: poll.id }))],
      ["system.status", (b) => outcome(b.api.system.status.query())],
      ["vote.cast", (b) => outcome(b.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] }))],
    ];
    const rows: string[] = [];
    const got: Record<string, Outcome[]> = {};
    for (const [name, call] of table) {
      got[name] = [await call(app.browser()), await call(bob), await call(alice)];
      rows.push(`${name.padEnd(30)} anonymous=${got[name][0].padEnd(16)} other=${got[name][1].padEnd(16)} owner=${got[name][2]}`);
    }
    console.log(rows.join("\n"));
    expect(got["poll.results"]).toEqual(["ok: null", "ok: null", "ok: total=1"]);
    expect(got["poll.onResults (own view)"]).toEqual(["ok: hidden", "ok: hidden", "ok: total=1"]);
    expect(got["poll.onResults (screen: room)"]).toEqual(["ok: hidden", "ok: hidden", "ok: hidden"]);
    expect(got["promotion.stock"]).toEqual(["ok: left=null", "ok: left=null", "ok: left=null"]);
    expect(got["presence.roomCode"][1]).toBe(got["presence.roomCode"][0]); // another owner learns what anybody does
    expect(got["vote.cast"].every((o) => o === "ok")).toBe(true); // anyone may vote once (after_close: no tally in the answer)
  });
});
