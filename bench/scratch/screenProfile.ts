import { mkdtemp, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startBacking } from "../support/backing";
import { startServer } from "../support/children";
import { summariseCpuProfile } from "../support/cpuProfile";
import { castVotes } from "../support/load";
import { PollMaker } from "../support/polls";
import { openScreens, voteToScreen } from "../scenarios/screen";

const screensN = Number(process.argv[2] ?? 5000);
const backing = await startBacking();
const dir = await mkdtemp(path.join(tmpdir(), "prof-"));
const server = await startServer("redis", { databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, cpuProfileDir: dir });
const maker = new PollMaker(server.url, backing.databaseUrl);
const poll = await maker.openPoll();
const screens = await openScreens(server.url, poll.pollId, screensN, () => {});
const c0 = await server.stats();
const load = await castVotes(server, [poll], { ratePerSec: 300, durationMs: 10_000, concurrency: 400, recordAccepts: true });
await new Promise((r) => setTimeout(r, 1000));
const c1 = await server.stats();
const watches = await screens.stop();
const { histogram } = voteToScreen(load.accepts ?? [], watches);
console.log("updates", watches.reduce((a, w) => a + w.updates, 0), "p50", histogram.at(0.5), "p99", histogram.at(0.99), "votes/s", load.votesPerSec, JSON.stringify({ c0, c1 }).slice(0, 400));
await maker.close();
await server.stop();
const files = await Promise.all((await readdir(dir)).filter((f) => f.endsWith(".cpuprofile")).map(async (f) => ({ f, size: (await stat(path.join(dir, f))).size })));
const main = files.sort((a, b) => b.size - a.size)[0];
const s = summariseCpuProfile(path.join(dir, main.f), {
  trpcAll: /@trpc\/server/,
  wsSend: /ws\/lib\/(sender|websocket)|BoundedWebSocket|send .*liveSocket/,
  trpcWs: /adapters\/ws|wsHandler|getWSConnectionHandler/,
  trpcObservable: /observable|unstable-core-do-not-import.*(stream|observable|iterable)/,
  wsLib: /node_modules\/ws\//,
  netWrite: /writeGeneric|writev|_write|Writable/,
  hub: /server\/live/,
  sharedFrames: /sharedFrames|earlyStops/,
  gc: /garbage collector/,
  vote: /castVote|trpcMutationHandler/,
});
const idle = s.byArea.find((a) => a.name === "(idle)")?.ms ?? 0;
console.log("total", s.totalMs, "idle", idle);
for (const l of s.inclusive) console.log("INCL", l.name, l.ms.toFixed(0), ((l.ms / (s.totalMs - idle)) * 100).toFixed(1) + "%");
for (const f of s.topFunctions.slice(0, 40)) console.log("SELF", f.name, f.ms.toFixed(0));
await backing.stop();
process.exit(0);
