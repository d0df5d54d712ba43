import type { WebSocket } from "ws";

/** Sockets are pinged in this many groups, one group per tick: ten thousand pings never leave at once. */
const GROUPS = 20;

/**
 * Drops peers that went away without a word (a phone that left the Wi-Fi closes nothing): each socket is sent a
 * WebSocket ping once per `intervalMs`, and one that has not answered with a pong by its next turn is cut off, which
 * frees its subscriptions and its place in the socket bounds. Browsers answer pings by themselves, without the page's
 * script. One timer for every socket, running only while there are sockets; tRPC's own keep-alive keeps two timers
 * and four closures per socket, a tenth of what an idle diner's socket costs the server (docs/adr/0031).
 */
export function socketKeepAlive(intervalMs: number) {
  const groups = Array.from({ length: GROUPS }, () => new Set<WebSocket>());
  const unanswered = new Set<WebSocket>();
  let watched = 0;
  let nextGroup = 0;
  let turn = 0;
  let timer: NodeJS.Timeout | null = null;

  function tick() {
    const group = groups[turn];
    turn = (turn + 1) % GROUPS;
    for (const ws of group) {
      if (unanswered.has(ws)) {
        ws.terminate();
        continue;
      }
      unanswered.add(ws);
      if (ws.readyState === ws.OPEN) ws.ping();
    }
  }

  // Shared by every socket (`this` is the socket): nothing is allocated per socket but its place in a group.
  function answered(this: WebSocket) {
    unanswered.delete(this);
  }
  function gone(this: WebSocket) {
    unanswered.delete(this);
    for (const group of groups) if (group.delete(this)) watched--;
    if (watched === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  return {
    watch(ws: WebSocket): void {
      groups[nextGroup].add(ws);
      nextGroup = (nextGroup + 1) % GROUPS;
      watched++;
      ws.on("pong", answered);
      ws.on("close", gone);
      if (!timer) {
        timer = setInterval(tick, intervalMs / GROUPS);
        timer.unref();
      }
    },
  };
}
