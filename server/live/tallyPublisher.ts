import type { PollResults } from "@/lib/schemas";
import { LeadingEdgeThrottle } from "./leadingEdgeThrottle";
import type { LiveChannel } from "./messages";

/**
 * Tells the other server processes about this process's newest tally of a poll, coalesced: the first accepted
 * vote after a quiet spell is published at once, a flood at most once per interval (the newest tally wins, by seq).
 */
export class TallyPublisher {
  private readonly polls = new Map<string, { newest: PollResults | null; throttle: LeadingEdgeThrottle; lastUsed: number }>();

  constructor(
    private readonly channel: LiveChannel,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  tallyChanged(pollId: string, results: PollResults): void {
    let entry = this.polls.get(pollId);
    if (!entry) {
      const created = { newest: null as PollResults | null, lastUsed: 0, throttle: new LeadingEdgeThrottle(this.intervalMs, () => this.flush(pollId)) };
      this.polls.set(pollId, created);
      entry = created;
    }
    if (!entry.newest || results.seq > entry.newest.seq) entry.newest = results;
    entry.lastUsed = Date.now();
    entry.throttle.trigger();
  }

  /** Forgets polls with no vote for a while, so the map holds only polls voting now. */
  sweep(idleMs = 60_000): void {
    const cutoff = Date.now() - idleMs;
    for (const [pollId, entry] of this.polls) {
      if (entry.lastUsed < cutoff && !entry.newest) {
        entry.throttle.cancel();
        this.polls.delete(pollId);
      }
    }
  }

  close(): void {
    for (const entry of this.polls.values()) entry.throttle.cancel();
    this.polls.clear();
  }

  private flush(pollId: string): void {
    const entry = this.polls.get(pollId);
    if (!entry?.newest) return;
    const results = entry.newest;
    entry.newest = null;
    this.channel.publish({ pollId, kind: "tally", results }).catch(this.onError);
  }
}
