import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pgConfigFromUrl } from "../infra/db/pgConfig";
import type { LiveMessage } from "./messages";
import { PostgresLiveChannel } from "./postgresLiveChannel";
import { testStores } from "../../test/support/workerStores";

const tally = (pollId: string, total: number): LiveMessage => ({ pollId, kind: "tally", results: { counts: { a: total }, total, seq: total } });

describe("Postgres live channel", () => {
  const config = pgConfigFromUrl(testStores().databaseUrl);
  const admin = new pg.Client(config);
  afterAll(() => admin.end());

  it("survives Postgres dropping its LISTEN connection: it reconnects and delivers again", async () => {
    await admin.connect();
    const channel = await PostgresLiveChannel.connect(config);
    const received: LiveMessage[] = [];
    channel.onMessage((message) => received.push(message));
    await channel.listen("poll-1");

    await channel.publish(tally("poll-1", 1));
    await expect.poll(() => received.length).toBe(1);

    // What a Postgres restart or an administrator does to every session: the listener's connection is killed.
    const { rowCount } = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN tableside_live' AND pid <> pg_backend_pid()",
    );
    expect(rowCount).toBeGreaterThan(0);

    // Sent until one arrives: notifications sent while the listener is away are lost by design.
    await expect
      .poll(async () => {
        await channel.publish(tally("poll-1", 2));
        return received.some((m) => m.kind === "tally" && m.results.total === 2);
      }, { timeout: 10_000, interval: 200 })
      .toBe(true);
    await channel.close();
  });
});
