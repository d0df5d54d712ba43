import { beforeAll, describe, expect, it } from "vitest";
import { pointsAt, rankBase } from "@/lib/pollKinds";
import type { PollResults } from "@/lib/schemas";
import { issueVoterId, signVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import type { Browser } from "../support/browser";
import { createOpenPoll, runConcurrently, signUpOwner } from "../support/fixtures";
import { type EngineName, startTestApp, useTestApp } from "../support/testApp";

type Poll = Awaited<ReturnType<typeof createOpenPoll>>;

/**
 * Changeable ballots, star ratings and rankings on one engine (issue 16, docs/adr/0028), through the real API.
 * Run once per engine (redisEngine.kinds.test.ts, postgresEngine.kinds.test.ts).
 */
export function questionKindsContract(engine: EngineName, options: Parameters<typeof startTestApp>[1] = {}) {
  describe(`${engine} engine: changeable ballots, ratings and rankings`, () => {
    const app = useTestApp(engine, options);
    let owner: Browser;
    beforeAll(async () => {
      owner = app.browser();
      await signUpOwner(owner);
    });

    const returningDiner = () => {
      const diner = app.browser();
      diner.cookies.set(VOTER_COOKIE, signVoterId(issueVoterId(), app.services.sessionSecret));
      return diner;
    };

    /** The tally a recount of the poll's Ballot rows gives, with every revision's change counted in seq. */
    async function recount(poll: Poll, kind: "choice" | "rating" | "ranking"): Promise<PollResults> {
      const ballots = await app.services.db.ballot.findMany({ where: { pollId: poll.id }, select: { optionIds: true, revision: true } });
      const base = rankBase(kind, poll.options.length);
      const counts: Record<string, number> = Object.fromEntries(poll.options.map((o) => [o.id, 0]));
      for (const b of ballots) b.optionIds.forEach((id, i) => (counts[id] += pointsAt(base, i + 1)));
      const changes = ballots.reduce((sum, b) => sum + b.revision - 1, 0);
      return { counts, total: ballots.length, seq: ballots.length + changes };
    }

    /** The Postgres-side tally (the counters a failover votes on), which must agree with the engine's. */
    async function postgresTally(poll: Poll): Promise<PollResults> {
      const [{ tally }] = await app.services.db.$queryRaw<{ tally: Record<string, number> }[]>`SELECT tableside_read_tally(${poll.id}) AS tally`;
      const counts = Object.fromEntries(poll.options.map((o) => [o.id, tally[o.id] ?? 0]));
      return { counts, total: tally[""] ?? 0, seq: (tally[""] ?? 0) + (tally._changes ?? 0) };
    }

    it("10,000 voters over a choice, a rating, a rating per dish and a ranking, 2,000 of them changing or repeating at once: tallies equal a recount; no coupon twice", async () => {
      const promotion = { title: "Tea", discount: "Free", quantity: 1_500, validUntil: new Date(Date.now() + 86_400_000) };
      const choice = await createOpenPoll(owner, { changeableUntilClose: true, promotion });
      const rating = await createOpenPoll(owner, { kind: "rating", options: [], changeableUntilClose: true });
      const names = ["Bibimbap", "Japchae", "Tteokbokki"];
      const dishes = await Promise.all(names.map((nameEn) => owner.api.menu.add.mutate({ nameEn, priceCents: 9_000 })));
      const perDish = await createOpenPoll(owner, { kind: "rating", options: dishes.map((d, i) => ({ label: names[i], menuItemId: d.id })), changeableUntilClose: true });
      const ranking = await createOpenPoll(owner, { kind: "ranking", options: ["A", "B", "C", "D"].map((label) => ({ label })), changeableUntilClose: true });
      expect(perDish.options).toHaveLength(15);
      const polls = [
        { poll: choice, kind: "choice" as const, ballot: (i: number) => [choice.options[i % 5].id] },
        { poll: rating, kind: "rating" as const, ballot: (i: number) => [rating.options[i % 5].id] },
        // Some of the three dishes (a non-empty subset, from i), each with its own stars.
        { poll: perDish, kind: "rating" as const, ballot: (i: number) => [0, 1, 2].filter((d) => ((i % 7) + 1) & (1 << d)).map((d) => perDish.options[d * 5 + ((i + d) % 5)].id) },
        { poll: ranking, kind: "ranking" as const, ballot: (i: number) => rotate(ranking.options.map((o) => o.id), i).slice(0, 1 + (i % 4)) },
      ];
      // Voter i votes in poll i % 4. The first 2,000 hold an identity already and send two ballots together:
      // even ones a different ballot (a change), odd ones the same again (a repeat; a rating per dish's stars in
      // another order, which is the same ballot).
      const attempts = Array.from({ length: 10_000 }, (_, i) => {
        const { poll, ballot } = polls[i % 4];
        const diner = i < 2_000 ? returningDiner() : app.browser();
        const first = { diner, poll, voter: i, optionIds: ballot(i) };
        if (i >= 2_000) return [first];
        const again = poll === perDish ? [...first.optionIds].reverse() : first.optionIds;
        return [first, { ...first, optionIds: i % 2 === 0 ? ballot(i + 3) : again }];
      }).flat();
      shuffle(attempts);
      const answers = await runConcurrently(attempts, 64, async (a) => ({
        ...a,
        answer: await a.diner.api.vote.cast.mutate({ pollId: a.poll.id, optionIds: a.optionIds }),
      }));

      expect(answers.filter((a) => a.answer.status === "accepted")).toHaveLength(10_000);
      const changed = answers.filter((a) => a.answer.status === "changed").length;
      const repeated = answers.filter((a) => a.answer.status === "already_voted").length;
      // A change that ran first is the voter's first ballot, and the "first" one then changes it back.
      expect(changed + repeated).toBe(2_000);
      expect(changed).toBe(1_000);

      for (const { poll, kind } of polls) {
        const expected = await recount(poll, kind);
        expect(await owner.api.poll.results.query({ pollId: poll.id })).toEqual(expected);
        expect(await postgresTally(poll)).toEqual(expected);
      }
      // A rating per dish's ballot holds at most one star per dish, in the dishes' order, however it was sent.
      const dishOf = new Map(perDish.options.map((o, position) => [o.id, Math.floor(position / 5)]));
      const perDishBallots = await app.services.db.ballot.findMany({ where: { pollId: perDish.id }, select: { optionIds: true } });
      expect(perDishBallots).toHaveLength(2_500);
      expect(perDishBallots.every((b) => b.optionIds.every((id, k) => k === 0 || dishOf.get(id)! > dishOf.get(b.optionIds[k - 1])!))).toBe(true);
      const coupons = await app.services.db.coupon.findMany({ where: { pollId: choice.id }, select: { voterId: true, code: true } });
      expect(coupons).toHaveLength(1_500);
      expect(new Set(coupons.map((c) => c.voterId)).size).toBe(1_500);
      // A voter's answers all name the one coupon Postgres holds for them.
      const held = new Map(coupons.map((c) => [c.code, c.voterId]));
      const codes = answers.filter((a) => a.poll === choice && a.answer.coupon).map((a) => a.answer.coupon!.code);
      expect(codes.every((code) => held.has(code))).toBe(true);
    }, 400_000);

    it("one voter changing 8 times at once ends with exactly their last accepted ballot, counted once, and one coupon", async () => {
      const promotion = { title: "Tea", discount: "Free", quantity: 5, validUntil: new Date(Date.now() + 86_400_000) };
      const poll = await createOpenPoll(owner, { kind: "ranking", options: ["A", "B", "C", "D"].map((label) => ({ label })), changeableUntilClose: true, promotion });
      const ids = poll.options.map((o) => o.id);
      const diner = returningDiner();
      await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: ids });
      const changes = Array.from({ length: 8 }, (_, i) => rotate(ids, i % 4).slice(0, 1 + (i % 3)));
      const answers = await Promise.all(changes.map((optionIds) => diner.api.vote.cast.mutate({ pollId: poll.id, optionIds })));
      const counted = answers.filter((a) => a.status === "changed");

      const [row] = await app.services.db.ballot.findMany({ where: { pollId: poll.id } });
      expect(row.revision).toBe(1 + counted.length);
      expect(changes.some((c) => c.join() === row.optionIds.join())).toBe(true);
      // The highest seq answered is the last accepted change, and it is the row's ballot.
      const last = counted.reduce((a, b) => (a.results!.seq > b.results!.seq ? a : b));
      const expected = await recount(poll, "ranking");
      expect(last.results).toEqual(expected);
      expect(expected.total).toBe(1);
      expect(await owner.api.poll.results.query({ pollId: poll.id })).toEqual(expected);
      expect(await postgresTally(poll)).toEqual(expected);
      expect(await app.services.db.coupon.count({ where: { pollId: poll.id } })).toBe(1);
      expect(new Set(answers.map((a) => a.coupon?.code)).size).toBe(1);
    });

    it("a rating counts one star per voter; after the close nothing changes; a poll that is not changeable keeps the first ballot", async () => {
      const rating = await createOpenPoll(owner, { kind: "rating", changeableUntilClose: true });
      const diner = app.browser();
      const star = (n: number) => rating.options[n - 1].id;
      expect((await diner.api.vote.cast.mutate({ pollId: rating.id, optionIds: [star(2)] })).status).toBe("accepted");
      expect((await diner.api.vote.cast.mutate({ pollId: rating.id, optionIds: [star(5)] })).status).toBe("changed");
      expect((await diner.api.vote.cast.mutate({ pollId: rating.id, optionIds: [star(5)] })).status).toBe("already_voted");
      await owner.api.poll.close.mutate({ pollId: rating.id });
      expect((await diner.api.vote.cast.mutate({ pollId: rating.id, optionIds: [star(1)] })).status).toBe("already_voted");
      expect(await owner.api.poll.results.query({ pollId: rating.id })).toEqual({
        counts: Object.fromEntries(rating.options.map((o, i) => [o.id, i === 4 ? 1 : 0])),
        total: 1,
        seq: 2,
      });

      const fixed = await createOpenPoll(owner);
      const voter = app.browser();
      await voter.api.vote.cast.mutate({ pollId: fixed.id, optionIds: [fixed.options[0].id] });
      expect((await voter.api.vote.cast.mutate({ pollId: fixed.id, optionIds: [fixed.options[1].id] })).status).toBe("already_voted");
      expect((await owner.api.poll.results.query({ pollId: fixed.id }))?.counts[fixed.options[0].id]).toBe(1);
    });
  });
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
