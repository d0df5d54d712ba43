import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../support/browser";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";
import { RawSocket, upgradeStatus } from "./support/rawSocket";

/**
 * Issue 13, item 3: the WebSocket carries the browser's cookies, so it gets the HTTP guard's Origin check: a page
 * on another site cannot open one and drive the owner's session (close a poll, export ballots, sign out).
 */
describe("item 3: WebSocket upgrades pass the same Origin check as HTTP mutations", () => {
  const app = useTestApp("postgres");
  let owner: Browser;
  let pollId: string;
  beforeAll(async () => {
    owner = app.browser();
    await signUpOwner(owner);
    pollId = (await createOpenPoll(owner)).id;
  });

  it("refuses an upgrade from another site with 403, as HTTP refuses its mutation", async () => {
    const evil = { origin: "http://evil.example", cookie: owner.cookieHeader() };
    expect(await upgradeStatus(app.url, evil)).toBe(403);
    expect(await upgradeStatus(app.url, { ...evil, origin: "null" })).toBe(403);
    const overHttp = await fetch(`${app.url}/api/trpc/poll.close`, { method: "POST", headers: { ...evil, "content-type": "application/json" }, body: JSON.stringify({ pollId }) });
    expect(overHttp.status).toBe(403);
    expect((await owner.api.poll.get.query({ pollId })).status).toBe("open");
    const refused = Number((await (await fetch(`${app.url}/metrics`)).text()).match(/tableside_socket_refusals_total\{reason="origin"\} (\d+)/)?.[1]);
    expect(refused).toBe(2);
  });

  it("lets the app's own pages and non-browser clients through, where the owner's calls work", async () => {
    const host = new URL(app.url).host;
    const page = await RawSocket.open(app.url, { origin: `http://${host}`, cookie: owner.cookieHeader() });
    const exported = await page.answer(page.call("query", "poll.exportBallots", { pollId }));
    expect(exported.result?.type).toBe("data");
    page.close();
    const script = await RawSocket.open(app.url, { cookie: owner.cookieHeader() });
    const closed = await script.answer(script.call("mutation", "poll.close", { pollId }));
    expect(closed.error).toBeUndefined();
    expect((await owner.api.poll.get.query({ pollId })).status).toBe("closed");
    script.close();
  });
});
