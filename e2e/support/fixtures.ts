import { mkdir } from "node:fs/promises";
import path from "node:path";
import { test as base, type Page, type TestInfo } from "@playwright/test";
import { AppServer } from "./appServer";

export { expect } from "@playwright/test";

const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");

/** `app`: the server this worker started (shared by its tests); `baseURL` points every page at it. */
export const test = base.extend<object, { app: AppServer }>({
  app: [
    async ({}, use) => {
      // Every journey of this worker signs up its owner and makes its voters from 127.0.0.1, one address doing in
      // minutes what a restaurant's Wi-Fi does in a week: the per-address limits of sign-ups, new voters and votes
      // are raised for this shared server. The others stay as shipped. (dinerStates fakes its 429 on purpose.)
      const perAddress = { signUpsPerIp: { limit: 10_000 }, newVotersPerIp: { limit: 10_000 }, newVotersPerIpPerPoll: { limit: 10_000 }, votesPerIp: { limit: 10_000 } };
      // Likewise its live sockets: all its browsers connect from one address, past the 200 sockets and 250
      // subscriptions one address may hold (late journeys got no live updates).
      const server = await AppServer.start(() => ({
        RATE_LIMITS: JSON.stringify(perAddress),
        WS_MAX_SOCKETS_PER_ADDRESS: "10000",
        WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: "10000",
      }));
      await use(server);
      await server.dispose();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ app }, use) => use(app.url),
});

/** A full-page screenshot kept in e2e/artifacts/ (stable names, for people) and attached to the report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}
