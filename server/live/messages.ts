import type { PollResults, PollStatus } from "@/lib/schemas";

/**
 * What travels between server processes: about one poll, its newest tally, or its new status and schedule (ms);
 * about one restaurant, that its line-up of polls changed (a poll opened, closed or moved, a special was set), for
 * the restaurant's self-running TV (docs/adr/0030).
 */
export type LiveMessage =
  | { pollId: string; kind: "tally"; results: PollResults }
  | { pollId: string; kind: "status"; status: PollStatus; opensAt: number | null; closesAt: number | null }
  | { restaurantId: string; kind: "lineup" };

/** What a screen or a diner's page receives: the poll's status and, when they may see it, its tally. */
export type LiveUpdate = {
  status: PollStatus | "scheduled";
  results: PollResults | null;
};

/**
 * What a process listens to: a poll's messages (the topic is the poll's id, as it always was) or a restaurant's
 * (`restaurant:<id>`; cuids never contain a colon).
 */
export const restaurantTopic = (restaurantId: string) => `restaurant:${restaurantId}`;

export function topicOf(message: LiveMessage): string {
  return message.kind === "lineup" ? restaurantTopic(message.restaurantId) : message.pollId;
}

export interface LiveChannel {
  publish(message: LiveMessage): Promise<void>;
  /** Start/stop receiving a topic's messages (a poll's id, or `restaurantTopic`) in this process. */
  listen(topic: string): Promise<void>;
  unlisten(topic: string): Promise<void>;
  onMessage(handler: (message: LiveMessage) => void): void;
  close(): Promise<void>;
}

export function parseLiveMessage(text: string): LiveMessage | null {
  try {
    const message = JSON.parse(text) as LiveMessage;
    if (message?.kind === "lineup") return typeof message.restaurantId === "string" ? message : null;
    return typeof message?.pollId === "string" ? message : null;
  } catch {
    return null;
  }
}
