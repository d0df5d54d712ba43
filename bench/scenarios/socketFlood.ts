import { WebSocket } from "ws";
import { DEFAULT_SOCKET_LIMITS } from "../../server/limits/socketLimits";
import { startServer } from "../support/children";
import { castVotes } from "../support/load";
import { PollMaker } from "../support/polls";
import { fmt, type Scenario } from "../support/scenario";
import { openScreens, voteToScreen } from "./screen";

const RATE = 300; // votes/s, as the screen scenario
const SECONDS = 10;
const HONEST_SCREENS = 150; // from 127.0.0.1, under the default 200 sockets per address
const ATTACKER = "127.0.0.2";
const ATTACK_SOCKETS = 1_000;
const SUBSCRIBE_TRIES = 20; // per socket: more than allowed

type Attack = { accepted: number; refused: number; refusedSubscriptions: number; dropped: number; close: () => void };

/**
 * Issue 13's flood: from one address, 1,000 WebSockets each asking for as many subscriptions as it can get, half
 * of them never reading; refused upgrades are counted, not retried.
 */
async function flood(url: string, pollId: string): Promise<Attack> {
  const sockets: WebSocket[] = [];
  const attack: Attack = { accepted: 0, refused: 0, refusedSubscriptions: 0, dropped: 0, close: () => sockets.forEach((s) => s.terminate()) };
  await Promise.all(
    Array.from({ length: ATTACK_SOCKETS }, (_, i) =>
      new Promise<void>((resolve) => {
        const ws = new WebSocket(`${url.replace(/^http/, "ws")}/api/trpc`, { localAddress: ATTACKER, perMessageDeflate: false });
        sockets.push(ws);
        ws.once("unexpected-response", () => {
          attack.refused++;
          ws.terminate();
          resolve();
        });
        ws.once("error", () => resolve());
        ws.once("open", () => {
          attack.accepted++;
          ws.on("message", (data: Buffer) => {
            const text = data.toString();
            if (text.includes("TOO_MANY_REQUESTS")) attack.refusedSubscriptions++;
          });
          ws.once("close", (code) => code === 1013 && attack.dropped++);
          const frame = Array.from({ length: SUBSCRIBE_TRIES }, (_, id) => JSON.stringify({ id: id + 1, method: "subscription", params: { path: "poll.onResults", input: { pollId } } }));
          for (const message of frame) ws.send(message);
          // Half the sockets stop reading once their subscriptions are asked for: the server must not buffer for them.
          if (i % 2 === 1) setTimeout(() => (ws as unknown as { _socket: { pause(): void } })._socket.pause(), 500);
          resolve();
        });
      }),
    ),
  );
  await new Promise((r) => setTimeout(r, 1_000));
  return attack;
}

/**
 * Honest screens' vote-to-screen latency and the server's memory at 300 votes/s, without and then with the socket
 * flood of issue 13, each on a fresh production server with the default socket bounds (rate limits off, so the
 * load generator's one address can cast 300 votes/s).
 */
export const socketFlood: Scenario = {
  name: "socketFlood",
  inDefaultSuite: true,
  async run({ backing, progress }) {
    const rows: string[][] = [];
    const data: Record<string, unknown> = {};
    for (const [r, withFlood] of [false, true].entries()) {
      const label = withFlood ? `flood: ${ATTACK_SOCKETS.toLocaleString("en-US")} sockets from ${ATTACKER}` : "baseline: no flood";
      const step = (phase: string, f: number) => progress(`${label}: ${phase}`, (r + f) / 2);
      step("starting server", 0);
      const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, sockets: "default" });
      const maker = new PollMaker(server.url, backing.databaseUrl);
      try {
        const poll = await maker.openPoll();
        const rssBefore = (await server.stats(true)).rssBytes;
        const screens = await openScreens(server.url, poll.pollId, HONEST_SCREENS, (done) => step(`screens ${done}`, 0.1));
        const attack = withFlood ? (step("flooding", 0.2), await flood(server.url, poll.pollId)) : null;
        const held = (await server.stats()).extra; // what the server holds once the flood is in: sockets and subscriptions
        let rssMax = (await server.stats()).rssBytes;
        const sampler = setInterval(() => void server.stats().then((s) => (rssMax = Math.max(rssMax, s.rssBytes))), 500);
        step("voting", 0.3);
        const load = await castVotes(server, [poll], { ratePerSec: RATE, durationMs: SECONDS * 1_000, concurrency: 400, recordAccepts: true });
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        clearInterval(sampler);
        const rssEnd = (await server.stats(true)).rssBytes;
        const watches = await screens.stop();
        attack?.close();
        const { histogram, missed } = voteToScreen(load.accepts ?? [], watches);
        const result = { withFlood, voteRate: load.votesPerSec, voteErrors: load.errors, p50: histogram.at(0.5), p99: histogram.at(0.99), notReflected: missed, rssBefore, rssMax, rssEnd, attack: attack && { ...attack, close: undefined }, serverSockets: held.sockets, serverSubscriptions: held.viewers };
        data[withFlood ? "flood" : "baseline"] = result;
        rows.push([
          label,
          `${fmt.n(load.votesPerSec)} (${load.errors} errors)`,
          fmt.n(result.p50, 1),
          fmt.n(result.p99, 1),
          fmt.n(missed),
          `${fmt.mb(rssBefore)} → max ${fmt.mb(rssMax)} → ${fmt.mb(rssEnd)}`,
          `${held.sockets} / ${held.viewers}`,
          attack ? `${attack.accepted} open, ${attack.refused} refused (429); subscriptions refused: ${attack.refusedSubscriptions} seen (non-reading sockets see none); ${attack.dropped} dropped as too slow` : "",
        ]);
      } finally {
        await maker.close();
        await server.stop();
      }
    }
    return {
      title: "Socket flood: one address against the live channel",
      about: `${HONEST_SCREENS} honest screens on poll.onResults and votes at ${RATE}/s for ${SECONDS} s over HTTP, on a fresh production server with the default socket bounds, first alone, then while ${ATTACKER} opens ${ATTACK_SOCKETS.toLocaleString("en-US")} WebSockets, each asking for ${SUBSCRIBE_TRIES} subscriptions to the same poll, half of them never reading.`,
      tables: [
        {
          title: "Honest screens' vote-to-screen latency (ms) and server memory, without and with the flood",
          head: ["run", "votes/s", "p50 ms", "p99 ms", "(vote, screen) pairs not reflected", "server RSS: before screens → max → end", "server holds: sockets / subscriptions", "attacker"],
          rows,
          notes: [`Bounds (server/limits/socketLimits.ts): ${JSON.stringify(DEFAULT_SOCKET_LIMITS)}.`],
        },
      ],
      charts: [],
      data,
    };
  },
};
