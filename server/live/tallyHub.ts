import type { PollResults } from "@/lib/schemas";
import { effectiveStatus, type PollDefinition, type PollWindow } from "../domain/polls/definition";
import type { PollResultsSource } from "../domain/polls/visibility";
import { LatestValueStream } from "./latestValueStream";
import { LeadingEdgeThrottle } from "./leadingEdgeThrottle";
import type { LiveChannel, LiveMessage, LiveUpdate } from "./messages";

/**
 * `hiddenStatus`: the status last sent to a viewer the tally is hidden from. Such a viewer is sent an update only
 * when the status changes: an update per vote, even without the tally, would tell the count and timing of votes.
 */
type Viewer = {
  stream: LatestValueStream<LiveUpdate>;
  canSee: (status: LiveUpdate["status"]) => boolean;
  hiddenStatus?: LiveUpdate["status"];
  /** The update last pushed with the tally: a viewer a fan-out already reached with the newest is not sent it again. */
  seen?: LiveUpdate;
};

/** The poll's newest state as pushed: one frozen object per visibility, shared by every viewer (http/sharedFrames.ts). */
type CurrentUpdate = { visible: LiveUpdate; hidden: LiveUpdate };

type WatchedPoll = {
  poll: PollDefinition;
  results: PollResults;
  /** Status and schedule: a reopen or an extension changes the schedule too. */
  window: PollWindow;
  viewers: Set<Viewer>;
  /** The status last pushed to the viewers: a change of it is news at once (a close shows the winner). */
  lastStatus: LiveUpdate["status"];
  /** Fires when the schedule's next opening or closing time is reached. */
  transition: NodeJS.Timeout | null;
  throttle: LeadingEdgeThrottle;
  /** Built when first pushed after the tally or the status changed. */
  current: CurrentUpdate | null;
  /** A chunked delivery is under way; `deliverAgain`: newer state arrived meanwhile. */
  delivering: boolean;
  deliverAgain: boolean;
};

/** Viewers woken per turn of the event loop when a poll's update goes out. */
const DELIVERY_CHUNK = 250;

/** setTimeout's longest wait (~24.8 days); a later time is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type TallyHubOptions = {
  /** At most one update per poll per interval reaches the screens, however fast votes arrive. */
  screenIntervalMs: number;
  /** How often a watched poll is re-read, in case a pub/sub message was lost. */
  refreshIntervalMs: number;
  readWindow: (pollId: string) => Promise<PollWindow>;
  onError: (error: unknown) => void;
};

/**
 * This process's view of the polls it has viewers for: the newest tally and status of each, fed by the live
 * channel, pushed to every viewer at most once per interval. A message older than the tally held (lower seq) is
 * dropped; a periodic re-read repairs anything pub/sub lost. A scheduled opening or closing is a moment, not a
 * message: every process arms a timer for the next one of each poll it has viewers for, from the schedule the
 * channel keeps it up to date with, and pushes the new status (with the final tally, to whoever may see it) the
 * moment it comes (docs/adr/0022).
 */
export class TallyHub {
  private readonly watched = new Map<string, WatchedPoll>();
  private readonly loading = new Map<string, Promise<WatchedPoll>>();
  private readonly refreshTimer: NodeJS.Timeout;

  constructor(
    private readonly channel: LiveChannel,
    /** Where a watched poll's results are read: the engine's tally, or an open poll's cloud. */
    private readonly engine: Pick<PollResultsSource, "readResults">,
    private readonly options: TallyHubOptions,
  ) {
    this.refreshTimer = setInterval(() => void this.refreshAll(), options.refreshIntervalMs);
    this.refreshTimer.unref();
  }

  /** The poll's live updates for one viewer, starting with the current state; ends when `signal` aborts. */
  async watch(poll: PollDefinition, canSee: Viewer["canSee"], signal?: AbortSignal): Promise<LatestValueStream<LiveUpdate>> {
    let watched = await this.startWatching(poll);
    // Released by its last viewer while this one waited for it: watch the poll afresh.
    while (this.watched.get(poll.id) !== watched && !signal?.aborted) watched = await this.startWatching(poll);
    const viewer: Viewer = { stream: new LatestValueStream<LiveUpdate>(), canSee, hiddenStatus: undefined, seen: undefined };
    // Stopped while the poll was being read: an abort listener added now would never fire, so never register.
    if (signal?.aborted) {
      viewer.stream.end();
      this.releaseIfUnwatched(watched);
      return viewer.stream;
    }
    watched.viewers.add(viewer);
    this.send(viewer, this.currentUpdate(watched));
    // One listener ends the stream and lets go of the viewer (each listener is kept for as long as the viewer watches).
    signal?.addEventListener("abort", () => this.stopWatching(watched, viewer), { once: true });
    return viewer.stream;
  }

  /** A tally learned in this process (from its own vote path), offered like a message from the channel. */
  offer(pollId: string, results: PollResults): void {
    const watched = this.watched.get(pollId);
    if (watched) this.offerResults(watched, results);
  }

  viewerCount(): number {
    let count = 0;
    for (const watched of this.watched.values()) count += watched.viewers.size;
    return count;
  }

  close(): void {
    clearInterval(this.refreshTimer);
    for (const watched of this.watched.values()) {
      watched.throttle.cancel();
      if (watched.transition) clearTimeout(watched.transition);
      for (const viewer of watched.viewers) viewer.stream.end();
    }
    this.watched.clear();
  }

  private async startWatching(poll: PollDefinition): Promise<WatchedPoll> {
    const existing = this.watched.get(poll.id) ?? this.loading.get(poll.id);
    if (existing) return existing;
    const loading = (async () => {
      await this.channel.listen(poll.id);
      const [results, window] = await Promise.all([this.engine.readResults(poll), this.options.readWindow(poll.id)]);
      const watched: WatchedPoll = {
        poll,
        results,
        window,
        viewers: new Set(),
        lastStatus: effectiveStatus(window, new Date()),
        transition: null,
        current: null,
        delivering: false,
        deliverAgain: false,
        throttle: new LeadingEdgeThrottle(this.options.screenIntervalMs, () => this.deliver(watched)),
      };
      this.watched.set(poll.id, watched);
      this.armTransition(watched);
      return watched;
    })().finally(() => this.loading.delete(poll.id));
    this.loading.set(poll.id, loading);
    return loading;
  }

  private stopWatching(watched: WatchedPoll, viewer: Viewer): void {
    viewer.stream.end();
    watched.viewers.delete(viewer);
    this.releaseIfUnwatched(watched);
  }

  private releaseIfUnwatched(watched: WatchedPoll): void {
    if (watched.viewers.size > 0 || this.watched.get(watched.poll.id) !== watched) return;
    watched.throttle.cancel();
    if (watched.transition) clearTimeout(watched.transition);
    this.watched.delete(watched.poll.id);
    this.channel.unlisten(watched.poll.id).catch(this.options.onError);
  }

  /** A poll's message from the live channel (createLive routes each message to its hub). */
  receive(message: Extract<LiveMessage, { pollId: string }>): void {
    const watched = this.watched.get(message.pollId);
    if (!watched) return;
    if (message.kind === "tally") this.offerResults(watched, message.results);
    else this.takeWindow(watched, windowOf(message));
  }

  private offerResults(watched: WatchedPoll, results: PollResults): void {
    if (results.seq <= watched.results.seq) return; // stale or already known
    watched.results = results;
    watched.throttle.trigger();
  }

  private async refreshAll(): Promise<void> {
    for (const watched of this.watched.values()) {
      try {
        const [results, window] = await Promise.all([this.engine.readResults(watched.poll), this.options.readWindow(watched.poll.id)]);
        this.offerResults(watched, results);
        this.takeWindow(watched, window);
      } catch (error) {
        this.options.onError(error);
      }
    }
  }

  /** A new status or schedule: pushed at once if the status a person sees changed, and the next transition re-armed. */
  private takeWindow(watched: WatchedPoll, window: PollWindow): void {
    watched.window = window;
    this.pushIfStatusChanged(watched);
    this.armTransition(watched);
  }

  private pushIfStatusChanged(watched: WatchedPoll): void {
    if (this.statusOf(watched) !== watched.lastStatus) this.deliver(watched);
  }

  /** A timer for the poll's next scheduled opening or closing, if it has one still to come. */
  private armTransition(watched: WatchedPoll): void {
    if (watched.transition) clearTimeout(watched.transition);
    watched.transition = null;
    const { status, opensAt, closesAt } = watched.window;
    const now = Date.now();
    const next = status === "open" ? [opensAt, closesAt].map((at) => at?.getTime() ?? Infinity).filter((at) => at > now) : [];
    if (next.length === 0) return;
    const wait = Math.min(Math.min(...next) - now, MAX_TIMER_MS);
    watched.transition = setTimeout(() => {
      watched.transition = null;
      if (this.watched.get(watched.poll.id) !== watched) return;
      this.pushIfStatusChanged(watched);
      this.armTransition(watched);
    }, wait);
    watched.transition.unref();
  }

  /**
   * The newest state to every viewer of the poll, in chunks with the event loop free in between: each push runs
   * tRPC's serialisation and a socket write, and thousands of them in one go held votes up for a whole fan-out
   * (docs/adr/0008). Each chunk sends the newest state, so a vote that arrives mid-fan-out reaches the viewers not
   * yet reached in this same pass; a viewer is sent from a vote at most one pass later, not two (docs/adr/0034).
   * One delivery per poll is in progress at a time; what arrives meanwhile goes, right after it, to the viewers the
   * pass reached before it arrived, so a slow fan-out lowers the update rate instead of queueing.
   */
  private deliver(watched: WatchedPoll): void {
    if (watched.delivering) {
      watched.deliverAgain = true;
      return;
    }
    watched.lastStatus = this.statusOf(watched);
    if (watched.viewers.size <= DELIVERY_CHUNK) {
      const update = this.currentUpdate(watched);
      for (const viewer of watched.viewers) this.send(viewer, update);
      return;
    }
    const viewers = [...watched.viewers];
    watched.delivering = true;
    const pushFrom = (start: number) => {
      const update = this.currentUpdate(watched);
      const end = Math.min(viewers.length, start + DELIVERY_CHUNK);
      for (let i = start; i < end; i++) this.send(viewers[i], update);
      if (end < viewers.length) return void setImmediate(pushFrom, end);
      watched.delivering = false;
      if (watched.deliverAgain && this.watched.get(watched.poll.id) === watched) {
        watched.deliverAgain = false;
        setImmediate(() => this.deliver(watched));
      }
    };
    pushFrom(0);
  }

  /** Frozen: the same update reaches every viewer, and its frame is built once for all of them (http/sharedFrames.ts). */
  private currentUpdate(watched: WatchedPoll): CurrentUpdate {
    const status = this.statusOf(watched);
    const current = watched.current;
    if (current && current.visible.status === status && current.visible.results === watched.results) return current;
    return (watched.current = {
      visible: Object.freeze({ status, results: watched.results }),
      hidden: Object.freeze({ status, results: null }),
    });
  }

  private statusOf(watched: WatchedPoll): LiveUpdate["status"] {
    return effectiveStatus(watched.window, new Date());
  }

  /** The tally to a viewer who may see it, unless it has it already; to the others, the status alone and only when it changed. */
  private send(viewer: Viewer, { visible, hidden }: CurrentUpdate): void {
    if (viewer.canSee(visible.status)) {
      viewer.hiddenStatus = undefined;
      if (viewer.seen === visible) return;
      viewer.seen = visible;
      viewer.stream.push(visible);
    } else if (viewer.hiddenStatus !== hidden.status) {
      viewer.hiddenStatus = hidden.status;
      viewer.seen = undefined;
      viewer.stream.push(hidden);
    }
  }
}

function windowOf(message: Extract<LiveMessage, { kind: "status" }>): PollWindow {
  const at = (ms: number | null) => (ms === null ? null : new Date(ms));
  return { status: message.status, opensAt: at(message.opensAt), closesAt: at(message.closesAt) };
}
