/**
 * `npm run soak:tv [-- --minutes=30 --rate=50 --every=15 --sample-s=60]`: the restaurant's TV page
 * (`/screen/r/<restaurant>`, docs/adr/0030) in Chromium for `minutes`, against the production server (the last
 * `npm run build`, its own Postgres and Redis in a temp folder) taking `rate` votes a second from new voters,
 * spread over the open polls. Every 5 minutes a poll closes (the TV shows its winner) and a new one opens, so the
 * line-up changes under load as it would on a restaurant's evening. Every `sample-s` it prints the browser's JS
 * heap after a forced collection (CDP HeapProfiler.collectGarbage, then Performance.getMetrics: heap, DOM nodes,
 * event listeners) and the server's RSS and heap (its /metrics), then a summary: first and last sample, and the
 * least-squares slope per hour over the samples after the first (the first is the warm-up).
 * Not a test: it asserts nothing and takes half an hour; the figures go in the issue note.
 */
import { chromium } from "@playwright/test";
import { ApiClient } from "../e2e/support/api";
import { AppServer } from "../e2e/support/appServer";

const arg = (name: string, fallback: number) => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = given ? Number(given.split("=")[1]) : fallback;
  if (!(value > 0)) throw new Error(`--${name} wants a positive number, not ${given}`);
  return value;
};
const MINUTES = arg("minutes", 30);
const RATE = arg("rate", 50);
const EVERY_S = arg("every", 15);
const SAMPLE_S = arg("sample-s", 60);
const CHURN_MS = 5 * 60_000;
/** Votes in flight at most: a server that falls behind is measured at the rate it manages, not buried in sockets. */
const MAX_IN_FLIGHT = 64;
const MB = 1024 * 1024;

type Sample = { minute: number; browserHeapMb: number; nodes: number; listeners: number; serverRssMb: number; serverHeapMb: number; accepted: number; failed: number; skipped: number };

async function main() {
  // One address sends every vote here, as a restaurant's Wi-Fi would in a busy week: its per-address limits are lifted.
  const unlimited = { limit: 100_000_000 };
  const server = await AppServer.start(() => ({
    RATE_LIMITS: JSON.stringify({ votesPerIp: unlimited, newVotersPerIp: unlimited, newVotersPerIpPerPoll: unlimited, signUpsPerIp: unlimited, pollsPerOwner: unlimited }),
  }));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  const owner = await ApiClient.create(server.url);
  let stopping = false;
  try {
    await owner.signUp({ email: `soak-${Date.now()}@example.com`, password: "a long enough password", name: "Soak", restaurantName: "Soak Kitchen" });
    const tvPath = `${await owner.restaurantScreenPath()}&every=${EVERY_S}`;
    let polls = await Promise.all([1, 2].map((n) => openPoll(owner, n)));
    let pollNumber = 2;

    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" })).newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`${server.url}${tvPath}`);
    await page.getByRole("heading").first().waitFor();

    // The vote load: RATE new voters a second, each one POST like a phone's first vote.
    let accepted = 0;
    let failed = 0;
    let skipped = 0;
    let inFlight = 0;
    const voteOnce = async () => {
      if (inFlight >= MAX_IN_FLIGHT) return void skipped++;
      inFlight++;
      const poll = polls[Math.floor(Math.random() * polls.length)]!;
      const option = poll.options[Math.floor(Math.random() * poll.options.length)]!;
      try {
        const response = await fetch(`${server.url}/api/trpc/vote.cast`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ pollId: poll.id, optionIds: [option.id] }),
        });
        await response.arrayBuffer();
        if (response.ok) accepted++;
        else failed++;
      } catch {
        failed++;
      } finally {
        inFlight--;
      }
    };
    const started = Date.now();
    const load = (async () => {
      for (let sent = 0; !stopping; sent++) {
        const due = started + (sent * 1000) / RATE;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        void voteOnce();
      }
    })();
    const churn = setInterval(() => {
      void (async () => {
        const [oldest, ...rest] = polls;
        const next = await openPoll(owner, ++pollNumber);
        polls = [...rest, next];
        await owner.closePoll(oldest!.id);
      })().catch((error: unknown) => console.error("churn failed", error));
    }, CHURN_MS);

    const samples: Sample[] = [];
    const sample = async (minute: number) => {
      try {
        await takeSample(minute);
      } catch (error) {
        console.log(`t=${String(minute).padStart(3)} min  sample failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const takeSample = async (minute: number) => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      const text = await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(30_000) })).text();
      const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
      const s: Sample = {
        minute,
        browserHeapMb: metric("JSHeapUsedSize") / MB,
        nodes: metric("Nodes"),
        listeners: metric("JSEventListeners"),
        serverRssMb: gauge("process_resident_memory_bytes") / MB,
        serverHeapMb: gauge("nodejs_heap_size_used_bytes") / MB,
        accepted,
        failed,
        skipped,
      };
      samples.push(s);
      console.log(
        `t=${String(minute).padStart(3)} min  browser heap ${s.browserHeapMb.toFixed(2)} MB, ${s.nodes} DOM nodes, ${s.listeners} listeners` +
          `  |  server RSS ${s.serverRssMb.toFixed(1)} MB, heap ${s.serverHeapMb.toFixed(1)} MB  |  votes accepted ${s.accepted}, failed ${s.failed}, not sent (${MAX_IN_FLIGHT} in flight) ${s.skipped}` +
          `  (${(s.accepted / Math.max(1, (Date.now() - started) / 1000)).toFixed(1)}/s)`,
      );
    };
    console.log(`soak: ${MINUTES} min, ${RATE} votes/s, a slide every ${EVERY_S} s, a sample every ${SAMPLE_S} s, build ${(await (await fetch(`${server.url}/api/health`)).json()).build}`);
    await sample(0);
    const samplesWanted = Math.floor((MINUTES * 60) / SAMPLE_S);
    for (let i = 1; i <= samplesWanted; i++) {
      await new Promise((resolve) => setTimeout(resolve, started + i * SAMPLE_S * 1000 - Date.now()));
      await sample(Number(((i * SAMPLE_S) / 60).toFixed(2)));
    }
    stopping = true;
    clearInterval(churn);
    await load;
    summarise(samples);
  } finally {
    stopping = true;
    await owner.dispose().catch(() => {});
    await browser.close().catch(() => {});
    await server.dispose();
  }
}

async function openPoll(owner: ApiClient, n: number) {
  const poll = await owner.createPoll({ question: `Soak poll ${n}: tonight's special?`, options: ["Bibimbap", "Bulgogi", "Japchae", "Naengmyeon"].map((label) => ({ label })) });
  await owner.openPoll(poll.id);
  return poll;
}

/** Least-squares slope of y over x (per minute), times 60: per hour. */
function slopePerHour(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return (sxy / sxx) * 60;
}

function summarise(samples: Sample[]) {
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const steady = samples.slice(1);
  const line = (label: string, key: keyof Sample, unit: string, digits: number) => {
    const slope = slopePerHour(steady.map((s) => ({ x: s.minute, y: s[key] })));
    const values = steady.map((s) => s[key]);
    console.log(
      `${label.padEnd(20)} first ${first[key].toFixed(digits)} ${unit}, last ${last[key].toFixed(digits)} ${unit}, ` +
        `min..max after warm-up ${Math.min(...values).toFixed(digits)}..${Math.max(...values).toFixed(digits)} ${unit}, slope ${slope >= 0 ? "+" : ""}${slope.toFixed(digits)} ${unit}/h`,
    );
  };
  console.log(`\nsummary over ${last.minute} min, ${samples.length} samples (slope: least squares over the samples after t=0)`);
  line("browser JS heap", "browserHeapMb", "MB", 2);
  line("browser DOM nodes", "nodes", "", 0);
  line("browser listeners", "listeners", "", 0);
  line("server RSS", "serverRssMb", "MB", 1);
  line("server heap used", "serverHeapMb", "MB", 1);
  console.log(`votes accepted ${last.accepted} (${(last.accepted / (last.minute * 60)).toFixed(1)}/s), failed ${last.failed}, not sent ${last.skipped}`);
}

await main();
