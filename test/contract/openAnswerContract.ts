import { beforeAll, describe, expect, it } from "vitest";
import type { PollResults } from "../../lib/schemas";
import { issueVoterId, signVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import type { Browser } from "../support/browser";
import { errorCodeOf } from "../support/errors";
import { runConcurrently, signUpOwner } from "../support/fixtures";
import { type EngineName, type TestApp, useTestApp } from "../support/testApp";

const TEXTS = [
  "More kimchi jjigae please",
  "김치찌개가 최고예요",
  "김치찌개는 더 맵게",
  "Spicy tteokbokki",
  "떡볶이도 좋아요",
  "bulgogi pizza, pizza and more pizza",
  "불고기 피자를 먹고 싶어요",
  "Kimchi pancakes!",
];

/** The cloud recounted from the answers table: each visible answer's words once, hidden words left out. */
async function recount(app: TestApp, pollId: string): Promise<Map<string, number>> {
  const rows = await app.services.db.openAnswer.findMany({ where: { pollId, hiddenAt: null }, select: { words: true } });
  const hidden = new Set((await app.services.db.hiddenWord.findMany({ where: { pollId } })).map((h) => h.word));
  const counts = new Map<string, number>();
  for (const { words } of rows) for (const word of words) if (!hidden.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

const cloudOf = (results: PollResults | null) => new Map(results?.words ?? []);

/**
 * Open answers and their cloud, through the real tRPC API on one engine (docs/adr/0029): one answer per voter,
 * changes replacing it atomically, moderation leaving the counts, every count equal to a recount of the table.
 */
export function openAnswerContract(engine: EngineName) {
  describe(`open answers on the ${engine} engine`, () => {
    const app = useTestApp(engine);
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
    const openPoll = async (changeableUntilClose = false) => {
      const poll = await owner.api.poll.create.mutate({ question: "What should we add to the menu?", kind: "open", changeableUntilClose, presenceRequired: false });
      await owner.api.poll.open.mutate({ pollId: poll.id });
      return poll;
    };

    it("counts 10,000 voters exactly, 2,000 of them changing or repeating at once: the cloud equals a recount of the table", async () => {
      const poll = await openPoll(true);
      // The first 2,000 hold an identity already and send two answers together: even ones a different text (a
      // change), odd ones the same text again (a repeat); the other 8,000 answer once.
      const attempts = Array.from({ length: 10_000 }, (_, i) => {
        const diner = i < 2_000 ? returningDiner() : app.browser();
        const first = { diner, voter: i, text: TEXTS[i % TEXTS.length] };
        if (i >= 2_000) return [first];
        return [first, { ...first, text: i % 2 === 0 ? TEXTS[(i + 3) % TEXTS.length] : first.text }];
      }).flat();
      shuffle(attempts);
      const outcomes = await runConcurrently(attempts, 64, async (a) => ({
        ...a,
        status: (await a.diner.api.answer.submit.mutate({ pollId: poll.id, text: a.text })).status,
      }));
      const accepted = outcomes.filter((o) => o.status === "accepted");
      expect(accepted).toHaveLength(10_000);
      expect(new Set(accepted.map((a) => a.voter)).size).toBe(10_000);
      // A change that ran first is the voter's first answer, and the "first" one then changes it back.
      expect(outcomes.filter((o) => o.status === "changed")).toHaveLength(1_000);
      expect(outcomes.filter((o) => o.status === "already_answered")).toHaveLength(1_000);

      const rows = await app.services.db.openAnswer.findMany({ where: { pollId: poll.id }, select: { voterId: true, text: true, revision: true } });
      expect(rows).toHaveLength(10_000);
      const revisions = rows.reduce((sum, r) => sum + r.revision - 1, 0);
      expect(revisions).toBe(1_000);
      const results = await owner.api.poll.results.query({ pollId: poll.id });
      expect(results?.total).toBe(10_000);
      expect(results?.seq).toBe(10_000 + revisions);
      expect(cloudOf(results)).toEqual(await recount(app, poll.id));
      // "김치찌개가" and "김치찌개는" are one word; "pizza" counts once in an answer that says it three times.
      const saying = (...texts: string[]) => rows.filter((r) => texts.includes(r.text)).length;
      expect(cloudOf(results).get("김치찌개")).toBe(saying(TEXTS[1], TEXTS[2]));
      expect(cloudOf(results).get("pizza")).toBe(saying(TEXTS[5]));
    }, 400_000);

    it("replaces a changeable answer atomically: 100 voters changing 6 times at once end with their last answer counted once", async () => {
      const poll = await openPoll(true);
      const diners = Array.from({ length: 100 }, returningDiner);
      const attempts = diners.flatMap((diner, d) => Array.from({ length: 6 }, (_, k) => ({ diner, text: TEXTS[(d + k) % TEXTS.length] })));
      attempts.sort(() => Math.random() - 0.5);
      const outcomes = await runConcurrently(attempts, 100, (a) => a.diner.api.answer.submit.mutate({ pollId: poll.id, text: a.text }));
      expect(outcomes.filter((o) => o.status === "accepted")).toHaveLength(100);

      const rows = await app.services.db.openAnswer.findMany({ where: { pollId: poll.id } });
      expect(rows).toHaveLength(100);
      const mine = await Promise.all(diners.map((diner) => diner.api.answer.mine.query({ pollId: poll.id })));
      expect(new Set(mine.map((m) => m?.text))).toEqual(new Set(rows.map((r) => r.text)));
      const results = await owner.api.poll.results.query({ pollId: poll.id });
      expect(results?.total).toBe(100);
      expect(cloudOf(results)).toEqual(await recount(app, poll.id));
    });

    it("takes a hidden word and a hidden answer out of the counts at once, also while answers arrive", async () => {
      const poll = await openPoll();
      const answering = runConcurrently(Array.from({ length: 300 }, (_, i) => i), 50, (i) =>
        app.browser().api.answer.submit.mutate({ pollId: poll.id, text: TEXTS[i % TEXTS.length] }),
      );
      await owner.api.answer.hideWord.mutate({ pollId: poll.id, word: "Pizza", hidden: true });
      await answering;
      let results = await owner.api.poll.results.query({ pollId: poll.id });
      expect(cloudOf(results).has("pizza")).toBe(false);
      expect(cloudOf(results)).toEqual(await recount(app, poll.id));

      const { answers } = await owner.api.answer.list.query({ pollId: poll.id, search: "TTEOKBOKKI" });
      expect(answers.length).toBeGreaterThan(0);
      expect(answers.every((a) => a.text === "Spicy tteokbokki")).toBe(true);
      const before = cloudOf(results).get("tteokbokki")!;
      const seq = results!.seq;
      await owner.api.answer.hideAnswer.mutate({ pollId: poll.id, answerId: answers[0].id, hidden: true });
      results = await owner.api.poll.results.query({ pollId: poll.id });
      expect(cloudOf(results).get("tteokbokki")).toBe(before - 1);
      expect(results!.total).toBe(299);
      expect(results!.seq).toBe(seq + 1);
      expect(cloudOf(results)).toEqual(await recount(app, poll.id));

      await owner.api.answer.hideWord.mutate({ pollId: poll.id, word: "pizza", hidden: false });
      await owner.api.answer.hideAnswer.mutate({ pollId: poll.id, answerId: answers[0].id, hidden: false });
      results = await owner.api.poll.results.query({ pollId: poll.id });
      expect(cloudOf(results).get("tteokbokki")).toBe(before);
      expect(cloudOf(results).get("pizza")).toBeGreaterThan(0);
      expect(cloudOf(results)).toEqual(await recount(app, poll.id));

      const { csv } = await owner.api.answer.export.query({ pollId: poll.id });
      expect(csv.trim().split("\n")).toHaveLength(301);
    });

    it("refuses answers to a closed poll and to a choice poll, and a text over the bound", async () => {
      const poll = await openPoll();
      await owner.api.poll.close.mutate({ pollId: poll.id });
      expect(await errorCodeOf(returningDiner().api.answer.submit.mutate({ pollId: poll.id, text: "late" }))).toBe("PRECONDITION_FAILED");
      const choice = await owner.api.poll.create.mutate({ question: "Pick", options: [{ label: "A" }, { label: "B" }], presenceRequired: false });
      await owner.api.poll.open.mutate({ pollId: choice.id });
      expect(await errorCodeOf(returningDiner().api.answer.submit.mutate({ pollId: choice.id, text: "hello" }))).toBe("BAD_REQUEST");
      const open = await openPoll();
      expect(await errorCodeOf(returningDiner().api.answer.submit.mutate({ pollId: open.id, text: "x".repeat(201) }))).toBe("BAD_REQUEST");
    });
  });
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
