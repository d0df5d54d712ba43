import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../support/browser";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";
import { RawSocket } from "./support/rawSocket";

type Update = { status: string; results: { total: number } | null };
const METRICS_TOKEN = "metrics-token-0123456789abcdef";

/**
 * Issue 13, item 4: hidden means hidden. The live screen shows what the poll's visibility lets the room see, even
 * when the owner's browser opened it; a viewer a tally is hidden from is sent the status only, and only when it
 * changes (never one event per vote); promotion.stock tells nothing a hidden tally hides; /metrics needs a token.
 */
describe("item 4: hidden results stay hidden", () => {
  const app = useTestApp("postgres", { services: { metricsToken: METRICS_TOKEN } });
  let owner: Browser;
  let poll: { id: string; options: { id: string }[] };
  beforeAll(async () => {
    owner = app.browser();
    await signUpOwner(owner);
    poll = await createOpenPoll(owner, {
      resultsVisibility: "after_close",
      promotion: { title: "Free dessert", discount: "100%", quantity: 10, validUntil: new Date(Date.now() + 86_400_000) },
    });
  });
  const updatesOf = (socket: RawSocket, id: number) =>
    socket.frames.filter((f) => f.id === id && f.result?.type === "data").map((f) => (f.result!.data as { data: Update }).data);

  it("shows the room nothing of an after_close tally on a screen the owner opened, and sends hidden viewers no event per vote", async () => {
    const ownersScreen = await RawSocket.open(app.url, { cookie: owner.cookieHeader() });
    const screen = ownersScreen.call("subscription", "poll.onResults", { pollId: poll.id, audience: "room" });
    const ownersOwnView = ownersScreen.call("subscription", "poll.onResults", { pollId: poll.id });
    const diner = await RawSocket.open(app.url);
    const anonymous = diner.call("subscription", "poll.onResults", { pollId: poll.id });
    await Promise.all([ownersScreen.answer(screen, (f) => f.result?.type === "data"), diner.answer(anonymous, (f) => f.result?.type === "data")]);

    for (let i = 0; i < 5; i++) {
      await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
      await new Promise((r) => setTimeout(r, 150)); // past the screens' 100 ms throttle: each vote could be its own event
    }
    await ownersScreen.answer(ownersOwnView, (f) => (f.result?.data as { data?: Update } | undefined)?.data?.results?.total === 5);
    expect(updatesOf(ownersScreen, screen)).toEqual([{ status: "open", results: null }]);
    expect(updatesOf(diner, anonymous)).toEqual([{ status: "open", results: null }]);

    await owner.api.poll.close.mutate({ pollId: poll.id });
    await diner.answer(anonymous, (f) => (f.result?.data as { data?: Update } | undefined)?.data?.status === "closed");
    expect(updatesOf(diner, anonymous).at(-1)?.results?.total).toBe(5); // once closed, the room sees it
    ownersScreen.close();
    diner.close();
  });

  it("tells nothing of a hidden tally through promotion.stock while the poll runs", async () => {
    const hidden = await createOpenPoll(owner, {
      resultsVisibility: "after_close",
      promotion: { title: "Free dessert", discount: "100%", quantity: 10, validUntil: new Date(Date.now() + 86_400_000) },
    });
    await app.browser().api.vote.cast.mutate({ pollId: hidden.id, optionIds: [hidden.options[0].id] });
    const stock = await app.browser().api.promotion.stock.query({ pollId: hidden.id });
    expect(stock).toMatchObject({ quantity: 10, running: true, left: null });
    const live = await createOpenPoll(owner, { promotion: { title: "T", discount: "D", quantity: 10, validUntil: new Date(Date.now() + 86_400_000) } });
    await app.browser().api.vote.cast.mutate({ pollId: live.id, optionIds: [live.options[0].id] });
    expect((await app.browser().api.promotion.stock.query({ pollId: live.id }))?.left).toBe(9);
  });

  it("serves /metrics only with the configured bearer token", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const scraped = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("tableside_votes_total");
  });
});
