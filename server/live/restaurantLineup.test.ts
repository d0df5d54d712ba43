import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpOwner } from "../../test/support/fixtures";
import { openRestaurantScreen } from "../../test/support/screen";
import { type ServerProcess, startServerProcess } from "../../test/support/serverProcess";
import type { EngineName } from "../../test/support/testApp";

/*
 * The restaurant TV's line-up (docs/adr/0030) across two server processes per engine: a poll opened or closed by
 * the owner on one process, and one opening and closing by its schedule with nobody pressing anything, reach the
 * TVs on both, without a reload.
 */
for (const engine of ["redis", "postgres"] as EngineName[]) {
  describe(`restaurant TV line-up pushed live (${engine})`, () => {
    let a: ServerProcess;
    let b: ServerProcess;
    beforeAll(async () => {
      [a, b] = await Promise.all([startServerProcess(engine), startServerProcess(engine)]);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    it("follows polls opened and closed by hand and by their schedule, on both servers; room-code keys only with the TV's key", async () => {
      const owner = a.browser();
      await signUpOwner(owner);
      const me = await owner.api.auth.me.query();
      const restaurantId = me.restaurants[0]!.id;
      const tvPath = await owner.api.screen.restaurantPath.query();
      const key = new URL(tvPath, a.url).searchParams.get("key")!;
      const create = (question: string, schedule: { opensAt?: Date; closesAt?: Date } = {}) =>
        owner.api.poll.create.mutate({ question, options: [{ label: "Naengmyeon" }, { label: "Bibimbap" }], resultsVisibility: "live", ...schedule });

      const first = await create("Lunch special?");
      await owner.api.poll.open.mutate({ pollId: first.id });
      const tvs = [openRestaurantScreen(a.url, restaurantId, key), openRestaurantScreen(b.url, restaurantId)];
      try {
        for (const tv of tvs) expect((await tv.waitFor(() => true)).polls.map((p) => p.id)).toEqual([first.id]);
        expect((await tvs[0]!.waitFor(() => true)).polls[0]!.screenKey).toMatch(/^[\w-]{22}$/);
        expect((await tvs[1]!.waitFor(() => true)).polls[0]!.screenKey).toBeNull();

        // Opened by hand (on process a; the TV on b hears it over the channel).
        const second = await create("Dessert?");
        await owner.api.poll.open.mutate({ pollId: second.id });
        for (const tv of tvs) await tv.waitFor((l) => l.polls.map((p) => p.id).join() === [first.id, second.id].join());

        // Closed by hand: it leaves the turn and is the latest winner.
        await owner.api.poll.close.mutate({ pollId: first.id });
        for (const tv of tvs) await tv.waitFor((l) => l.winner?.id === first.id && l.polls.length === 1);

        // Opened and then closed by its schedule: no message at all, each process's timer.
        const opensAt = new Date(Date.now() + 2_000);
        const scheduled = await create("Drink?", { opensAt, closesAt: new Date(opensAt.getTime() + 2_000) });
        await owner.api.poll.open.mutate({ pollId: scheduled.id });
        for (const tv of tvs) await tv.waitFor((l) => l.polls.some((p) => p.id === scheduled.id));
        for (const tv of tvs) await tv.waitFor((l) => l.winner?.id === scheduled.id && !l.polls.some((p) => p.id === scheduled.id));
        expect(tvs.every((tv) => tv.errors.length === 0)).toBe(true);
      } finally {
        for (const tv of tvs) tv.close();
      }
    });

    it("answers NOT_FOUND for a restaurant that does not exist", async () => {
      const tv = openRestaurantScreen(a.url, "no-such-restaurant");
      try {
        for (let i = 0; i < 200 && tv.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
        expect(tv.errors[0]).toMatchObject({ data: { code: "NOT_FOUND" } });
      } finally {
        tv.close();
      }
    });
  });
}
