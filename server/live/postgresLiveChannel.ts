import pg from "pg";
import { type LiveChannel, type LiveMessage, parseLiveMessage, topicOf } from "./messages";

const CHANNEL = "tableside_live";
const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * LISTEN/NOTIFY between server processes when there is no Redis. One channel for all polls: messages are
 * small and already coalesced, and a process drops those of polls nobody watches here.
 *
 * A dropped LISTEN connection (Postgres restarted, a network blip) is reconnected with backoff instead of taking
 * the process down; notifications sent meanwhile are lost, which screens survive: the tally hub re-reads every
 * watched poll every few seconds and drops nothing newer than it holds.
 */
export class PostgresLiveChannel implements LiveChannel {
  private handler: (message: LiveMessage) => void = () => {};
  private readonly watched = new Set<string>();
  private listener: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly config: pg.ClientConfig,
    private readonly publisher: pg.Pool,
  ) {
    // An idle pooled connection that Postgres drops is discarded by the pool; without a listener it would throw.
    publisher.on("error", () => {});
  }

  static async connect(config: pg.ClientConfig): Promise<PostgresLiveChannel> {
    const channel = new PostgresLiveChannel(config, new pg.Pool({ ...config, max: 2 }));
    await channel.startListening();
    return channel;
  }

  async publish(message: LiveMessage): Promise<void> {
    await this.publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(message)]);
  }

  async listen(topic: string): Promise<void> {
    this.watched.add(topic);
  }

  async unlisten(topic: string): Promise<void> {
    this.watched.delete(topic);
  }

  onMessage(handler: (message: LiveMessage) => void): void {
    this.handler = handler;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => {});
    await this.publisher.end();
  }

  private async startListening(): Promise<void> {
    const listener = new pg.Client(this.config);
    listener.on("notification", ({ payload }) => {
      const message = payload ? parseLiveMessage(payload) : null;
      if (message && this.watched.has(topicOf(message))) this.handler(message);
    });
    listener.on("error", () => this.reconnect(listener));
    listener.on("end", () => this.reconnect(listener));
    await listener.connect();
    await listener.query(`LISTEN ${CHANNEL}`);
    this.listener = listener;
  }

  private async reconnect(lost: pg.Client): Promise<void> {
    if (this.closed || this.listener !== lost) return;
    this.listener = null;
    lost.end().catch(() => {});
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]));
      if (this.closed) return;
      try {
        await this.startListening();
        return;
      } catch {
        // Postgres still away: try again after a longer pause.
      }
    }
  }
}
