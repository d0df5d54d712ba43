import { describe, expect, it } from "vitest";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";
import { RawSocket } from "./support/rawSocket";

/**
 * Issue 13, item 6: a subscription stopped while it still awaits its first database read must not stay
 * registered (it would be fed, and its poll re-read every 2 s, for the life of the process).
 */
describe("item 6: a subscription stopped early unregisters", () => {
  const app = useTestApp("postgres");

  it("leaves no viewer registered after 2,000 rapid subscribe/stop pairs", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const polls = await Promise.all([1, 2, 3, 4].map(() => createOpenPoll(owner)));
    const socket = await RawSocket.open(app.url);
    for (let i = 0; i < 2_000; i++) {
      // A fresh poll now and then, so that many stops arrive while the hub is still reading a poll.
      const id = socket.call("subscription", "poll.onResults", { pollId: polls[i % polls.length].id });
      socket.stop(id);
      if (i % 500 === 499) await new Promise((r) => setTimeout(r, 2_100)); // past the hub's refresh: polls are let go
    }
    const deadline = Date.now() + 5_000;
    while (app.services.live.hub.viewerCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(app.services.live.hub.viewerCount()).toBe(0);
    socket.close();
  });
});
