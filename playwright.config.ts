import { defineConfig } from "@playwright/test";

/*
 * End-to-end journeys in Debian's Chromium (Playwright cannot download its own browser here). Each worker starts
 * the real server (Next pages + tRPC over HTTP and WebSocket) on a free port with a throwaway data folder, so it
 * gets its own embedded Postgres and private Redis; the pages are built once in global setup.
 * The build is skipped when the last one is of the same sources (scripts/build.mjs); E2E_DEV=1 runs the server in
 * development mode instead.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  globalSetup: "./e2e/support/globalSetup.ts",
  // One server per worker and two cores: the journeys run one after another.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
