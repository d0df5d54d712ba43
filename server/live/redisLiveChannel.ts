import type { RedisClient } from "../infra/redis/redisClient";
import { type LiveChannel, type LiveMessage, parseLiveMessage, topicOf } from "./messages";

/** A poll's channel keeps its name (processes of the previous release hear it during a deploy); a restaurant's is its own. */
const channelOf = (topic: string) => (topic.startsWith("restaurant:") ? `{${topic}}:live` : `{poll:${topic}}:live`);

/**
 * Redis pub/sub between server processes: one subscriber connection per process, one channel per poll (and per
 * restaurant with a TV), subscribed only while this process has viewers of it.
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
    await this.publisher.publish(channelOf(topicOf(message)), JSON.stringify(message));
  }

  async listen(topic: string): Promise<void> {
    await this.subscriber.subscribe(channelOf(topic));
  }

  async unlisten(topic: string): Promise<void> {
    await this.subscriber.unsubscribe(channelOf(topic));
  }

  onMessage(handler: (message: LiveMessage) => void): void {
    this.handler = handler;
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
  }
}
