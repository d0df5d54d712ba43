import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import { createOpenPoll, signUpOwner } from "../support/fixtures";
import { useTestApp } from "../support/testApp";

/**
 * Issue 13, item 9: the CSV's voter pseudonym is keyed with the server's secret and the poll: it cannot be
 * recomputed from a voter id (a card number, on a ballot-code poll), and one diner is not linkable across polls.
 */
describe("item 9: export pseudonyms are keyed per poll", () => {
  const app = useTestApp("postgres");

  it("gives one diner unrelated pseudonyms in two polls, neither the plain hash of the voter id", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const polls = [await createOpenPoll(owner), await createOpenPoll(owner)];
    const diner = app.browser();
    for (const poll of polls) await diner.api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });
    const voterId = diner.cookies.get(VOTER_COOKIE)!.split(".")[0];
    const pseudonyms = await Promise.all(
      polls.map(async (poll) => (await owner.api.poll.exportBallots.query({ pollId: poll.id })).csv.split("\n")[1].split(",")[2]),
    );
    expect(pseudonyms[0]).toMatch(/^[0-9a-f]{10,}$/);
    expect(pseudonyms[0]).not.toBe(pseudonyms[1]);
    const plainHash = createHash("sha256").update(voterId).digest("hex");
    for (const pseudonym of pseudonyms) expect(plainHash.startsWith(pseudonym)).toBe(false);
  });
});
