export type PostgresCircuitOptions = {
  /** While open, a probe goes out this often (one at a time). */
  probeIntervalMs?: number;
  /** Probes must all succeed for this long before the ledger writes to Postgres again. */
  sustainMs?: number;
  onChange?: (away: boolean, cause?: unknown) => void;
};

/**
 * Whether the ballot ledger should try Postgres at all (docs/adr/0016). Opened by a commit that failed because
 * Postgres is unreachable, restarting or hung (past its deadline); while open, votes are answered from Redis at
 * once and their ballots wait in the streams for the flusher. It closes only after `sustainMs` of probes that
 * all succeeded, so a Postgres in crash recovery that answers one probe and refuses the next does not send every
 * vote back to wait on it.
 */
export class PostgresCircuit {
  private awaySince: number | null = null;
  private probing: Promise<void> | null = null;
  private closed = false;
  private readonly options: Required<Omit<PostgresCircuitOptions, "onChange">> & Pick<PostgresCircuitOptions, "onChange">;

  constructor(
    /** One round trip with a deadline (the ledger pool's `SELECT 1`). */
    private readonly probe: () => Promise<unknown>,
    options: PostgresCircuitOptions = {},
  ) {
    this.options = { probeIntervalMs: 500, sustainMs: 3_000, ...options };
  }

  get away(): boolean {
    return this.awaySince !== null;
  }

  trip(cause: unknown): void {
    if (this.awaySince !== null || this.closed) return;
    this.awaySince = Date.now();
    this.options.onChange?.(true, cause);
    this.probing = this.probeUntilBack();
  }

  /** Stops probing (shutdown). */
  async stop(): Promise<void> {
    this.closed = true;
    await this.probing;
  }

  private async probeUntilBack(): Promise<void> {
    let goodSince: number | null = null;
    while (!this.closed) {
      await sleep(this.options.probeIntervalMs);
      const started = Date.now();
      const ok = await this.probe().then(() => true, () => false);
      if (!ok) goodSince = null;
      else goodSince ??= started;
      if (goodSince !== null && Date.now() - goodSince >= this.options.sustainMs) break;
    }
    this.awaySince = null;
    this.probing = null;
    if (!this.closed) this.options.onChange?.(false);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
