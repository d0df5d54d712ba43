import { describe, expect, it } from "vitest";
import { signUpOwner } from "../../test/support/fixtures";
import { openScreen } from "../../test/support/screen";
import { twoServerProcesses } from "../../test/support/serverProcess";
import type { EngineName } from "../../test/support/testApp";

for (const engine of ["redis", "postgres"] as EngineName[]) {
  describe(`scheduled opening and closing pushed live (${engine})`, () => {
    const servers = twoServerProcesses(engine);

    it("every open subscription, on either server, turns open at opensAt and closed at closesAt, the close with the final tally", async () => {
      const { a, b } = servers;
      const owner = a.browser();
      await signUpOwner(owner);
      // Room for the create, the open and both subscriptions before opensAt on a loaded machine (at load ~15 they took over 2.5 s).
      const opensAt = new Date(Date.now() + 6_000);
      const closesAt = new Date(opensAt.getTime() + 2_500);
      const poll = await owner.api.poll.create.mutate({
        question: "Lunch special?",
        options: [{ label: "Naengmyeon" }, { label: "Bibimbap" }],
        opensAt,
        closesAt,
        resultsVisibility: "after_close",
      });
      await owner.api.poll.open.mutate({ pollId: poll.id });
      // Diners' screens (no owner session): results hidden until the close.
      const screens = [openScreen(a.url, poll.id), openScreen(b.url, poll.id)];
      try {
        for (const screen of screens) expect((await screen.waitFor(() => true)).status).toBe("scheduled");

        const opened = await Promise.all(screens.map((screen) => screen.waitFor((u) => u.status === "open")));
        expect(opened.map((u) => u.results)).toEqual([null, null]);
        const openedLate = Date.now() - opensAt.getTime();
        const diner = b.browser();
        expect((await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[1].id] })).status).toBe("accepted");

        const closed = await Promise.all(screens.map((screen) => screen.waitFor((u) => u.status === "closed")));
        const closedLate = Date.now() - closesAt.getTime();
        for (const update of closed) expect(update.results).toMatchObject({ total: 1, counts: { [poll.options[1].id]: 1 } });
        await expect(b.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] })).rejects.toMatchObject({ data: { code: "PRECONDITION_FAILED" } });
        console.log(`scheduled transitions (${engine}): seen ${openedLate} ms after opensAt, ${closedLate} ms after closesAt on both servers`);
      } finally {
        for (const screen of screens) screen.close();
      }
    });
  });
}
