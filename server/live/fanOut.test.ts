import { describe, expect, it } from "vitest";
import { createOpenPoll, runConcurrently, signUpOwner } from "../../test/support/fixtures";
import { openScreen } from "../../test/support/screen";
import { twoServerProcesses } from "../../test/support/serverProcess";
import type { EngineName } from "../../test/support/testApp";

for (const engine of ["redis", "postgres"] as EngineName[]) {
  describe(`live fan-out across processes (${engine})`, () => {
    const servers = twoServerProcesses(engine);

    it("shows a vote cast on one server on a screen connected to the other, and the close at once", async () => {
      const { a, b } = servers;
      const owner = a.browser();
      await signUpOwner(owner);
      const poll = await createOpenPoll(owner);
      const screen = openScreen(b.url, poll.id);
      try {
        expect((await screen.waitFor(() => true)).results?.total).toBe(0);

        await a.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[3].id] });
        const first = await screen.waitFor((u) => (u.results?.total ?? 0) >= 1);
        expect(first.results?.counts[poll.options[3].id]).toBe(1);

        // A burst from both servers: the screen ends on the exact total, with far fewer frames than votes.
        const framesBefore = screen.updates.length;
        await runConcurrently(Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).browser()), 30, (diner, i) =>
          diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[i % 5].id] }),
        );
        const settled = await screen.waitFor((u) => u.results?.total === 301);
        expect(settled.results?.seq).toBe(301);
        expect(Object.values(settled.results!.counts).reduce((x, y) => x + y, 0)).toBe(301);
        expect(screen.updates.length - framesBefore).toBeLessThan(150);
        const totals = screen.updates.map((u) => u.results?.total ?? 0);
        expect(totals).toEqual([...totals].sort((x, y) => x - y)); // never goes backwards

        await owner.api.poll.close.mutate({ pollId: poll.id });
        expect((await screen.waitFor((u) => u.status === "closed", 3_000)).results?.total).toBe(301);
      } finally {
        screen.close();
      }
    });
  });
}
