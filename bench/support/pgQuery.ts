import pg from "pg";

/** A one-off query against the bench's Postgres (for checks, not for load). */
export async function pgQuery<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Polls `read` until `done` holds or the deadline passes; returns the last reading and when it was taken. */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 100) {
  const t0 = performance.now();
  for (;;) {
    const value = await read();
    if (done(value) || performance.now() - t0 > timeoutMs) return { value, afterMs: performance.now() - t0, met: done(value) };
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
