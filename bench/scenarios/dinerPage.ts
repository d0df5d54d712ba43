import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { openPollViaApi } from "../../e2e/support/api";
import { AppServer } from "../../e2e/support/appServer";
import type { Scenario } from "../support/scenario";
import { fmt } from "../support/scenario";
import { spread } from "../support/stats";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = 5;

/**
 * Chrome DevTools' "Slow 4G" as Lighthouse applies it: 150 ms RTT × 3.75 and 1.6 Mbps down, 750 kbps up, × 0.9.
 * With the CPU slowed 4×, that is a mid-range phone on a poor mobile link.
 */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const CPU_SLOWDOWN = 4;

/** Issue 14's figures for the diner page before this work (the baseline: see `about`). */
const BASELINE = { timeToTapMs: 2_400, jsBytes: 185 * 1024 };
const TARGET = { timeToTapMs: 1_200, jsBytes: 130 * 1024 };

/**
 * Issue 14: the diner's page on a slow phone. Time to tap: from navigation until the first dish's button is on
 * screen *and* hydrated (React has attached its handler, so a tap votes), under emulated slow 4G and a 4× CPU
 * slowdown (CDP Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate), cold cache, median of 5 runs.
 * Transferred JavaScript: the compressed bytes of every Script response (Network.loadingFinished encodedDataLength).
 */
export const dinerPage: Scenario = {
  name: "diner",
  inDefaultSuite: true,
  async run({ progress }) {
    if (process.env.BENCH_SKIP_BUILD !== "1") {
      progress("next build");
      const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
        cwd: root,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
        encoding: "utf8",
      });
      if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
    }
    progress("starting the production server");
    const server = await AppServer.start();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
    });
    try {
      const { owner, poll } = await openPollViaApi(server.url, { question: "Tonight's special?", labels: ["Bibimbap", "Kimchi jjigae", "Bulgogi", "Japchae"] });
      await owner.dispose();
      const runs: { timeToTapMs: number; jsBytes: number; scripts: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        progress(`diner page, cold, slow 4G + ${CPU_SLOWDOWN}× CPU`, i / RUNS);
        const context = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, locale: "en-US" });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
        const scriptRequests = new Set<string>();
        let jsBytes = 0;
        cdp.on("Network.responseReceived", (event) => {
          if (event.type === "Script") scriptRequests.add(event.requestId);
        });
        cdp.on("Network.loadingFinished", (event) => {
          if (scriptRequests.has(event.requestId)) jsBytes += event.encodedDataLength;
        });
        // Hydrated: React keeps its props on the element under a `__reactProps$…` key once it has attached handlers.
        // (A string, not a function: tsx would wrap a named inner function in a helper the page does not have.)
        await page.addInitScript(`(function check() {
          const button = document.querySelector("button.vote-option");
          if (button && Object.keys(button).some((key) => key.startsWith("__reactProps$"))) window.tappableAt = performance.now();
          else setTimeout(check, 10);
        })();`);
        await page.goto(`${server.url}/p/${poll.slug}`, { waitUntil: "commit" });
        await page
          .waitForFunction(() => (window as unknown as { tappableAt?: number }).tappableAt !== undefined, undefined, { timeout: 60_000 })
          .catch(async (error: unknown) => {
            const html = await page.content();
            throw new Error(`the diner page never became tappable: ${(error as Error).message}\n${html.slice(0, 3000)}`);
          });
        const timeToTapMs = await page.evaluate(() => (window as unknown as { tappableAt: number }).tappableAt);
        await page.waitForLoadState("networkidle");
        runs.push({ timeToTapMs, jsBytes, scripts: scriptRequests.size });
        await context.close();
      }
      const tap = spread(runs.map((r) => r.timeToTapMs));
      const js = spread(runs.map((r) => r.jsBytes / 1024));
      return {
        title: "Diner page on a slow phone",
        about:
          `Time until the first dish can be tapped (on screen and hydrated) and the compressed JavaScript transferred, cold cache, slow 4G + ${CPU_SLOWDOWN}× CPU, ${RUNS} runs. ` +
          "Baseline: issue 14's figures for the page before this work (2.4 s, 185 KB), a fixed figure: building the old commit beside this one in the same run needs a second next build and server, which this 2-core machine could not fit in the time.",
        tables: [
          {
            title: "Diner page: time to tap and JavaScript",
            head: ["figure", "this build", "baseline (issue 14)", "target"],
            rows: [
              ["time to tap (ms)", fmt.spread(tap), fmt.n(BASELINE.timeToTapMs), `≤ ${fmt.n(TARGET.timeToTapMs)}`],
              ["JavaScript transferred (KB, compressed)", fmt.spread(js, 1), fmt.n(BASELINE.jsBytes / 1024), `≤ ${fmt.n(TARGET.jsBytes / 1024)}`],
              ["script files", fmt.n(runs[0].scripts), "10", ""],
            ],
          },
        ],
        charts: [],
        data: { runs, slow4g: SLOW_4G, cpuSlowdown: CPU_SLOWDOWN, baseline: BASELINE, target: TARGET },
      };
    } finally {
      await browser.close();
      await server.dispose();
    }
  },
};
