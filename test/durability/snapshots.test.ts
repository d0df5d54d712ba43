import { describe, expect, it } from "vitest";
import { readTallyHistory } from "../../server/domain/polls/history";
import { recordBallots } from "../../server/engine/postgres/recordBallots";
import { Snapshotter } from "../../server/domain/polls/snapshotter";
import type { PollDefinition } from "../../server/domain/polls/definition";
import { useDurabilityBacking } from "./support/backing";
import { insertOpenPoll } from "./support/polls";

/** Tally snapshots: the owner's votes-over-time chart, one point per cadence step while votes change, one at close. */
describe("tally snapshots", () => {
  const backing = useDurabilityBacking();
  let voters = 0;
  const addBallots = (poll: PollDefinition, count: number, option = 0) =>
    recordBallots(
      backing.db,
      Array.from({ length: count }, () => ({ pollId: poll.id, voterId: `v${voters++}`, optionIds: [poll.optionIds[option]], castAtMs: Date.now(), couponCode: null })),
    );

  it("takes one point per step while the tally changes, none while it does not, a last one at close, and keeps them", async () => {
    const poll = await insertOpenPoll(backing.db);
    const snapshotter = new Snapshotter(backing.db, { onError: (error) => { throw error; }, everyMs: 1_000 });
    const t0 = Math.ceil(Date.now() / 1_000) * 1_000 + 60_000; // a step boundary in the future, so "now" is ours
    const at = (ms: number) => new Date(t0 + ms);

    expect(await snapshotter.take(at(0))).toBe(0); // no votes yet: nothing to draw
    await addBallots(poll, 10, 0);
    expect(await snapshotter.take(at(100))).toBe(1);
    expect(await snapshotter.take(at(900))).toBe(0); // same step (and same tally)
    await addBallots(poll, 5, 1);
    expect(await snapshotter.take(at(1_500))).toBe(1);
    expect(await snapshotter.take(at(2_500))).toBe(0); // unchanged tally: no point
    await addBallots(poll, 1, 2);
    await backing.db.poll.update({ where: { id: poll.id }, data: { status: "closed", closedAt: at(2_700) } });
    expect(await snapshotter.take(at(3_000))).toBe(1); // the close
    expect(await snapshotter.take(at(4_000))).toBe(0);

    const history = await readTallyHistory(backing.db, poll.id);
    const [a, b, c] = poll.optionIds;
    expect(history).toEqual([
      { takenAt: at(0).toISOString(), total: 10, counts: { [a]: 10, [b]: 0, [c]: 0 } },
      { takenAt: at(1_000).toISOString(), total: 15, counts: { [a]: 10, [b]: 5, [c]: 0 } },
      { takenAt: at(2_700).toISOString(), total: 16, counts: { [a]: 10, [b]: 5, [c]: 1 } },
    ]);
  });

  it("keeps a steady cadence on its own timer while a poll is open, from several processes without duplicates", async () => {
    const poll = await insertOpenPoll(backing.db);
    // Two snapshotters, as two server processes: the unique (poll, instant) key keeps one row per step.
    const snapshotters = [0, 1].map(() => new Snapshotter(backing.db, { onError: (error) => { throw error; }, everyMs: 250 }));
    snapshotters.forEach((s) => s.start());
    try {
      for (let i = 0; i < 6; i++) {
        const before = await backing.db.tallySnapshot.count({ where: { pollId: poll.id } });
        await addBallots(poll, 3, i % 3);
        const deadline = Date.now() + 10_000;
        while ((await backing.db.tallySnapshot.count({ where: { pollId: poll.id } })) === before && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    } finally {
      await Promise.all(snapshotters.map((s) => s.stop()));
    }
    const history = await readTallyHistory(backing.db, poll.id);
    console.log(`[durability] snapshots every 250 ms by two processes: ${history.map((h) => `${h.takenAt.slice(17)}=${h.total}`).join(" ")}`);
    expect(history.map((h) => h.total)).toEqual([3, 6, 9, 12, 15, 18]);
    for (const point of history) expect(new Date(point.takenAt).getTime() % 250).toBe(0);
    expect(new Set(history.map((h) => h.takenAt)).size).toBe(history.length);
    expect(snapshotters[0].written + snapshotters[1].written).toBe(6);
  });

  it("draws the first votes after the opening's zero point, though their step began before it", async () => {
    const poll = await insertOpenPoll(backing.db);
    const [a, b, c] = poll.optionIds;
    const t0 = Math.ceil(Date.now() / 1_000) * 1_000 + 120_000;
    // Opened 400 ms into a step (lifecycle.ts writes the zero point), then votes within the same step.
    const openedAt = new Date(t0 + 400);
    await backing.db.tallySnapshot.create({ data: { pollId: poll.id, takenAt: openedAt, total: 0, counts: { [a]: 0, [b]: 0, [c]: 0 } } });
    await addBallots(poll, 4, 0);
    const snapshotter = new Snapshotter(backing.db, { onError: (error) => { throw error; }, everyMs: 1_000 });
    expect(await snapshotter.take(new Date(t0 + 700))).toBe(1); // dated at the step's start, t0

    const history = await readTallyHistory(backing.db, poll.id);
    expect(history.map((h) => h.total)).toEqual([0, 4]);
    expect(Date.parse(history[0].takenAt)).toBe(openedAt.getTime());
    expect(Date.parse(history[1].takenAt)).toBeGreaterThan(openedAt.getTime());
  });
});
