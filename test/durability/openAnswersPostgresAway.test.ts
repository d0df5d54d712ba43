import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../support/browser";
import { signUpOwner } from "../support/fixtures";
import { type ServerProcess, startServerProcess } from "../support/serverProcess";
import { type PrivateStores, startPrivateStores } from "./support/privateStores";

/**
 * Open answers are decided by Postgres on both engines (docs/adr/0029), so while it is away an answer cannot be
 * taken: the diner gets a typed, retryable SERVICE_UNAVAILABLE (which the page explains, keeping the text), never
 * a 500 or the driver's words, and the same answer sent again once Postgres is back counts once.
 */
describe("an open answer while Postgres is away", () => {
  let stores: PrivateStores;
  let server: ServerProcess;
  beforeAll(async () => {
    stores = await startPrivateStores();
    server = await startServerProcess("redis", { env: { DATABASE_URL: stores.databaseUrl, REDIS_URL: stores.redisUrl } });
  });
  afterAll(async () => {
    await server?.stop();
    await stores?.close();
  });

  it("is refused with SERVICE_UNAVAILABLE and a retry hint, and counts once when sent again after Postgres is back", async () => {
    const owner = new Browser(server.url);
    await signUpOwner(owner);
    const poll = await owner.api.poll.create.mutate({ question: "What should we add to the menu?", kind: "open", presenceRequired: false });
    await owner.api.poll.open.mutate({ pollId: poll.id });
    const diner = new Browser(server.url);
    // The diner's identity and the poll's definition are in hand before Postgres goes (as on a page already open).
    await diner.api.vote.identify.mutate({ pollId: poll.id });
    expect((await new Browser(server.url).api.answer.submit.mutate({ pollId: poll.id, text: "Kimchi pancakes" })).status).toBe("accepted");

    await stores.stopPostgresImmediately();
    try {
      const error = await diner.api.answer.submit.mutate({ pollId: poll.id, text: "More tteokbokki" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCClientError);
      const { message, data } = error as TRPCClientError<never>;
      expect(data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503, retryAfterMs: 2_000 });
      expect(message).not.toMatch(/prisma|invocation|ECONNREFUSED|reach database/i);
    } finally {
      await stores.startPostgres();
    }

    // Sent again, as the page does: accepted once the server's pool reconnects, and counted once.
    let status = "";
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && status !== "accepted"; ) {
      status = await diner.api.answer.submit.mutate({ pollId: poll.id, text: "More tteokbokki" }).then(
        (answer) => answer.status,
        async () => (await new Promise((resolve) => setTimeout(resolve, 500)), ""),
      );
    }
    expect(status).toBe("accepted");
    expect((await diner.api.answer.submit.mutate({ pollId: poll.id, text: "More tteokbokki" })).status).toBe("already_answered");
    expect((await owner.api.poll.results.query({ pollId: poll.id }))?.total).toBe(2);
  }, 120_000);
});
