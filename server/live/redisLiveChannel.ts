import type { RedisClient } from "../infra/redis/redisClient";
import { type LiveChannel, type LiveMessage, parseLiveMessage } from "./messages";

const channelOf = (pollId: string) => `{poll:${pollId}}:live`;

/**
 * Redis pub/sub between server processes: one subscriber connection per process, one channel per poll,
 * subscribed only while this process has viewers of that poll.
 */
export class RedisLiveChannel implements LiveChannel {
  private handler: (message: LiveMessage) => void = () => {};

  constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
  ) {
    subscriber.on("message", (_channel: string, text: string) => {
      const message = parseLiveMessage(text);
      if (message) this.handler(message);
    });
  }

  async publish(message: LiveMessage): Promise<void> {
    await this.publisher.publish(channelOf(message.pollId), JSON.stringify(message));
  }

  async listen(pollId: string): Promise<void> {
    await this.subscriber.subscribe(channelOf(pollId));
  }

  async unlisten(pollId: string): Promise<void> {
    await this.subscriber.unsubscribe(channelOf(pollId));
  }

  onMessage(handler: (message: LiveMessage) => void): void {
    this.handler = handler;
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
  }
}
