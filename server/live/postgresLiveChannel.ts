import pg from "pg";
import { type LiveChannel, type LiveMessage, parseLiveMessage } from "./messages";

const CHANNEL = "tableside_live";

/**
 * LISTEN/NOTIFY between server processes when there is no Redis. One channel for all polls: messages are
 * small and already coalesced, and a process drops those of polls nobody watches here.
 */
export class PostgresLiveChannel implements LiveChannel {
  private handler: (message: LiveMessage) => void = () => {};
  private readonly watched = new Set<string>();

  private constructor(
    private readonly listener: pg.Client,
    private readonly publisher: pg.Pool,
  ) {
    listener.on("notification", ({ payload }) => {
      const message = payload ? parseLiveMessage(payload) : null;
      if (message && this.watched.has(message.pollId)) this.handler(message);
    });
  }

  static async connect(config: pg.ClientConfig): Promise<PostgresLiveChannel> {
    const listener = new pg.Client(config);
    await listener.connect();
    await listener.query(`LISTEN ${CHANNEL}`);
    return new PostgresLiveChannel(listener, new pg.Pool({ ...config, max: 2 }));
  }

  async publish(message: LiveMessage): Promise<void> {
    await this.publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(message)]);
  }

  async listen(pollId: string): Promise<void> {
    this.watched.add(pollId);
  }

  async unlisten(pollId: string): Promise<void> {
    this.watched.delete(pollId);
  }

  onMessage(handler: (message: LiveMessage) => void): void {
    this.handler = handler;
  }

  async close(): Promise<void> {
    await this.listener.end();
    await this.publisher.end();
  }
}
