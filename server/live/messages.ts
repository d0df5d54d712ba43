import type { PollResults, PollStatus } from "@/lib/schemas";

/** What travels between server processes about one poll: its newest tally, or its new status and schedule (ms). */
export type LiveMessage =
  | { pollId: string; kind: "tally"; results: PollResults }
  | { pollId: string; kind: "status"; status: PollStatus; opensAt: number | null; closesAt: number | null };

/** What a screen or a diner's page receives: the poll's status and, when they may see it, its tally. */
export type LiveUpdate = {
  status: PollStatus | "scheduled";
  results: PollResults | null;
};

export interface LiveChannel {
  publish(message: LiveMessage): Promise<void>;
  /** Start/stop receiving a poll's messages in this process. */
  listen(pollId: string): Promise<void>;
  unlisten(pollId: string): Promise<void>;
  onMessage(handler: (message: LiveMessage) => void): void;
  close(): Promise<void>;
}

export function parseLiveMessage(text: string): LiveMessage | null {
  try {
    const message = JSON.parse(text) as LiveMessage;
    return typeof message?.pollId === "string" ? message : null;
  } catch {
    return null;
  }
}
