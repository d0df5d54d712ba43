import { randomBytes } from "node:crypto";
import { signVoterId, VOTER_COOKIE } from "../../../server/domain/voters/voterCookie";
import { TEST_SESSION_SECRET } from "../../support/serverProcess";

export type VoteLoadOptions = {
  /** The servers to spread votes over; read before each vote, so a test may swap them. */
  urls: () => string[];
  pollId: string;
  optionIds: readonly string[];
  /** Votes in flight at once. */
  concurrency?: number;
  /** Pause of each voter loop after a vote: keeps the rate modest on a shared 2-core machine. */
  pauseMs?: number;
  /** Every n-th vote comes again from a voter already answered `accepted`: it must be `already_voted`. */
  repeatEvery?: number;
};

/**
 * A steady vote load from the test, as diners with known identities (signed voter cookies, as the server issues
 * them), so the test knows exactly which voters were answered `accepted` and can look for each in Postgres.
 * Errors (a server killed or stopping, Redis away) are counted, never retried: an unanswered vote is not a loss.
 */
export class VoteLoad {
  /** Voter ids answered `accepted`, with the option each chose. */
  readonly accepted = new Map<string, string>();
  /** Voters answered `accepted` a second time: each is a vote counted twice. */
  readonly acceptedTwice = new Set<string>();
  /**
   * What each voter's first vote was answered: a status, "error:<tRPC code>" for an error answer, or "no_answer"
   * when the connection failed or the answer did not come in time (a vote left unanswered, never one refused).
   */
  readonly firstAnswers = new Map<string, string>();
  /** When each `accepted` answer arrived (ms since the epoch), for votes per second through a fault. */
  readonly acceptedTimes: number[] = [];
  /** Error answers by tRPC code (e.g. SERVICE_UNAVAILABLE), for every vote. */
  readonly errorCodes = new Map<string, number>();
  /** The retry hint (`retryAfterMs` in the error's data) of the last error answer that carried one. */
  retryAfterMs: number | null = null;
  /** Answers with an HTTP status of 500 or more, by status. */
  readonly serverErrors = new Map<number, number>();
  alreadyVoted = 0;
  refused = 0;
  errors = 0;
  readonly errorSamples = new Set<string>();
  private next = 0;
  private running = false;
  private workers: Promise<void>[] = [];
  private readonly prefix = randomBytes(6).toString("base64url");
  private readonly options: Required<VoteLoadOptions>;

  constructor(options: VoteLoadOptions) {
    this.options = { concurrency: 8, pauseMs: 10, repeatEvery: 10, ...options };
  }

  start(): this {
    this.running = true;
    this.workers = Array.from({ length: this.options.concurrency }, () => this.loop());
    return this;
  }

  async stop(): Promise<this> {
    this.running = false;
    await Promise.all(this.workers);
    return this;
  }

  /** Runs until `accepted` has grown by `count` (or `timeoutMs` passes): a test's way to let load build up. */
  async untilAccepted(count: number, timeoutMs = 30_000): Promise<void> {
    const target = this.accepted.size + count;
    const deadline = Date.now() + timeoutMs;
    while (this.accepted.size < target && Date.now() < deadline) await sleep(20);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const k = this.next++;
      const repeat = k % this.options.repeatEvery === this.options.repeatEvery - 1 && this.accepted.size > 0;
      const voterId = repeat ? [...this.accepted.keys()][k % this.accepted.size] : `${this.prefix}-${k}`;
      const optionId = this.options.optionIds[k % this.options.optionIds.length];
      const urls = this.options.urls();
      const answer = await this.cast(urls[k % urls.length], voterId, optionId);
      if (!repeat) this.firstAnswers.set(voterId, answer);
      await sleep(this.options.pauseMs);
    }
  }

  /** One vote as `voterId`, outside the load; returns its status, or the error message. */
  async castAs(url: string, voterId: string, optionId: string): Promise<string> {
    try {
      return (await this.send(url, voterId, optionId)).status;
    } catch (error) {
      return String(error);
    }
  }

  /** Total 5xx answers. */
  get serverErrorCount(): number {
    return [...this.serverErrors.values()].reduce((a, b) => a + b, 0);
  }

  private async send(url: string, voterId: string, optionId: string): Promise<{ status: string }> {
    const response = await fetch(`${url}/api/trpc/vote.cast`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `${VOTER_COOKIE}=${signVoterId(voterId, TEST_SESSION_SECRET)}` },
      body: JSON.stringify({ pollId: this.options.pollId, optionIds: [optionId] }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status >= 500) this.serverErrors.set(response.status, (this.serverErrors.get(response.status) ?? 0) + 1);
    const body = (await response.json()) as {
      result?: { data: { status: string } };
      error?: { message: string; data?: { code?: string; retryAfterMs?: number } };
    };
    if (body.result) return body.result.data;
    if (body.error?.data?.retryAfterMs !== undefined) this.retryAfterMs = body.error.data.retryAfterMs;
    throw new AnsweredError(body.error?.data?.code ?? `HTTP ${response.status}`, body.error?.message ?? `HTTP ${response.status}`);
  }

  private async cast(url: string, voterId: string, optionId: string): Promise<string> {
    try {
      const { status } = await this.send(url, voterId, optionId);
      if (status === "accepted") {
        this.acceptedTimes.push(Date.now());
        if (this.accepted.has(voterId)) this.acceptedTwice.add(voterId);
        else this.accepted.set(voterId, optionId);
      } else if (status === "already_voted") this.alreadyVoted++;
      else this.fail(`status ${status}`);
      return status;
    } catch (error) {
      if (error instanceof AnsweredError) this.errorCodes.set(error.code, (this.errorCodes.get(error.code) ?? 0) + 1);
      this.fail(error instanceof AnsweredError ? `${error.code}: ${error.message}` : String((error as Error).cause ?? (error as Error).message ?? error));
      await sleep(50); // a server that is down refuses at once: do not spin
      return error instanceof AnsweredError ? `error:${error.code}` : "no_answer";
    }
  }

  private fail(message: string): void {
    if (/not taking votes/.test(message)) this.refused++;
    else this.errors++;
    if (this.errorSamples.size < 5) this.errorSamples.add(message.slice(0, 120));
  }
}

/** The server answered, with an error (its tRPC code): unlike a cut connection, the diner was told something. */
class AnsweredError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
