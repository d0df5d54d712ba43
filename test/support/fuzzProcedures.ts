import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { signVoterId, issueVoterId, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import { appRouter } from "../../server/routers/appRouter";
import type { Browser } from "./browser";
import { createOpenPoll, signUpOwner } from "./fixtures";
import { useTestApp } from "./testApp";

// 200 per procedure in `npm test` (1,000 took 6 minutes of a loaded run); FUZZ_RUNS=5000 npx vitest run
// server/routers/fuzz for a deeper search. The queries and the mutations are two files, so two workers share the work.
const RUNS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 200);

// Field names the schemas use, so generated objects often look almost right (the interesting invalid inputs).
const FIELDS = ["pollId", "token", "currentPassword", "newPassword", "currency", "timeZone", "archived", "nameEn", "nameKo", "couponsValidUntil", "optionIds", "slug", "code", "question", "options", "label", "email", "password", "name",
  "restaurantName", "restaurantId", "menuItemId", "priceCents", "title", "discount", "quantity", "validUntil",
  "multipleChoice", "maxChoices", "opensAt", "closesAt", "resultsVisibility", "promotion", "description", "photoUrl", "ballotCode", "ballotCodes"];
const nearMiss = fc.dictionary(fc.constantFrom(...FIELDS), fc.anything({ maxDepth: 2 }), { maxKeys: 6 });
const anyInput = fc.oneof(fc.anything({ maxDepth: 3 }), nearMiss, fc.constant(undefined));

type ProcedureDef = { _def: { type: string; inputs: ZodType[] } };

/**
 * Property-based fuzzing of every procedure of one type (queries, mutations) over HTTP: thousands of generated inputs
 * each. Nothing may answer 5xx, no mutation may accept an input its schema rejects, and the stored data must not change.
 */
export function fuzzProcedures(only: "query" | "mutation"): void {
  describe(`fuzzing every tRPC ${only}`, () => {
    const app = useTestApp("postgres");
    let owner: Browser;
    beforeAll(async () => {
      owner = app.browser();
      await signUpOwner(owner);
      const poll = await createOpenPoll(owner, { promotion: { title: "T", discount: "D", quantity: 5, validUntil: new Date(Date.now() + 86_400_000) } });
      await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
      owner.cookies.set(VOTER_COOKIE, signVoterId(issueVoterId(), app.services.sessionSecret));
    });

    async function fingerprint() {
      const db = app.services.db;
      const [counts] = await db.$queryRaw<Record<string, bigint>[]>`
        SELECT (SELECT count(*) FROM "Owner") AS owners, (SELECT count(*) FROM "OwnerSession") AS sessions,
               (SELECT count(*) FROM "Poll") AS polls, (SELECT count(*) FROM "PollOption") AS options,
               (SELECT count(*) FROM "Ballot") AS ballots, (SELECT coalesce(sum(count), 0) FROM "TallyCounter") AS tally,
               (SELECT count(*) FROM "Promotion") AS promotions, (SELECT coalesce(sum(remaining), 0) FROM "Promotion") AS stock,
               (SELECT count(*) FROM "Coupon") AS coupons, (SELECT count(*) FROM "Coupon" WHERE "redeemedAt" IS NOT NULL) AS redeemed,
               (SELECT count(*) FROM "MenuItem") AS menu, (SELECT count(*) FROM "CouponRedemption") AS redemptions,
               (SELECT count(*) FROM "PasswordReset") AS resets, (SELECT count(*) FROM "Poll" WHERE "archivedAt" IS NOT NULL) AS archived, (SELECT string_agg(status::text, ',' ORDER BY id) FROM "Poll") AS statuses`;
      return JSON.stringify(counts, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
    }

    async function send(path: string, type: string, input: unknown): Promise<number> {
      const headers = { cookie: owner.cookieHeader(), "content-type": "application/json" };
      const body = input === undefined ? undefined : JSON.stringify(input);
      const response =
        type === "query"
          ? await fetch(`${app.url}/api/trpc/${path}${body === undefined ? "" : `?input=${encodeURIComponent(body)}`}`, { headers })
          : await fetch(`${app.url}/api/trpc/${path}`, { method: "POST", headers, body: body ?? "" });
      await response.arrayBuffer();
      return response.status;
    }

    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).filter(
      // A mutation without input (signing out here, everywhere, at the counter) takes any input as valid, and doing
      // its job would end the fuzzing session.
      ([, p]) => p._def.type === only && !(p._def.type === "mutation" && p._def.inputs.length === 0),
    );

    it.each(procedures.map(([path, p]) => [path, p] as const))("%s", async (path, procedure) => {
      const { type, inputs } = procedure._def;
      const schema = inputs[0];
      const before = await fingerprint();
      let statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(
          // Mutations get only inputs their schema rejects (a valid one may rightly change data); queries get anything.
          type === "mutation" && schema ? anyInput.filter((input) => !schema.safeParse(input).success) : anyInput,
          async (input) => {
            const status = await send(path, type, input);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            expect(status, JSON.stringify(input)?.slice(0, 200)).toBeLessThan(500);
            if (type === "mutation") expect(status, JSON.stringify(input)?.slice(0, 200)).toBeGreaterThanOrEqual(400);
          },
        ),
        { numRuns: RUNS_PER_PROCEDURE },
      );
      expect(await fingerprint(), "stored data changed").toBe(before);
      console.log(`${path.padEnd(24)} ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(" ")}`);
      statuses = new Map();
    });
  });
}
