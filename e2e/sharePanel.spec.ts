import { networkInterfaces } from "node:os";
import { AppServer } from "./support/appServer";
import { seriousViolations } from "./support/axe";
import { expect, saveScreenshot, test } from "./support/fixtures";
import { apiMutation, signUpInPage } from "./support/owner";

type Created = { id: string; slug: string };

test("the share panel: a localhost link is flagged, the join code, QR files to download, and printable table cards", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", acceptDownloads: true });
  const owner = await context.newPage();
  await signUpInPage(owner, "share");
  const poll = await apiMutation<Created>(owner, "poll.create", { question: "Banchan of the week?", options: [{ label: "Kkakdugi" }, { label: "Japchae" }] });
  await apiMutation(owner, "poll.open", { pollId: poll.id });
  await owner.goto(`/owner/polls/${poll.id}`);

  // This server listens on 127.0.0.1 only and has no PUBLIC_URL: the link is this computer's, and the panel says so.
  const share = owner.getByRole("region", { name: "Share with diners" });
  await expect(share.getByTestId("share-link")).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/p\//);
  await expect(share.getByText("Phones can't open this link.")).toBeVisible();
  await expect(share.getByTestId("share-join-code")).toHaveText(/^[0-9A-Z]{3} [0-9A-Z]{3}$/);
  expect(await seriousViolations(owner)).toEqual([]);
  await saveScreenshot(owner, testInfo, "share-panel-localhost");

  // The QR code as files: an SVG and a 2048 px PNG.
  const download = async (name: string) => (await Promise.all([owner.waitForEvent("download"), share.getByRole("link", { name }).click()]))[0];
  const svg = await download("Download QR (SVG)");
  expect(svg.suggestedFilename()).toBe(`tableside-${poll.slug}-qr.svg`);
  expect((await streamText(await svg.createReadStream())).startsWith("<svg")).toBe(true);
  const png = await download("Download QR (PNG)");
  const pngBytes = await streamBytes(await png.createReadStream());
  expect(pngBytes.subarray(1, 4).toString()).toBe("PNG");
  expect(pngBytes.readUInt32BE(16)).toBe(2048); // IHDR width

  // Table cards: six per sheet with the QR code and the join code, printed without the page around them.
  await share.getByRole("link", { name: "Print table cards" }).click();
  await expect(owner.getByTestId("table-card")).toHaveCount(6);
  await expect(owner.getByTestId("table-card").first()).toContainText("Banchan of the week?");
  await expect(owner.getByTestId("table-card").first()).toContainText(/\/join [0-9A-Z]{3} [0-9A-Z]{3}/);
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.emulateMedia({ media: "print" });
  await expect(owner.getByRole("button", { name: "Print" })).toBeHidden();
  await saveScreenshot(owner, testInfo, "table-cards-print");
  await context.close();
});

test("without PUBLIC_URL, a server listening on every interface gives diners its LAN address", async ({ browser }) => {
  const lan = await AppServer.start(() => ({ HOST: "0.0.0.0" }));
  try {
    const context = await browser.newContext({ baseURL: lan.url, locale: "en-US" });
    const owner = await context.newPage();
    await signUpInPage(owner, "lan");
    const poll = await apiMutation<Created>(owner, "poll.create", { question: "Q?", options: [{ label: "A" }, { label: "B" }] });
    await owner.goto(`/owner/polls/${poll.id}`);
    const link = owner.getByTestId("share-link");
    const addresses = Object.values(networkInterfaces()).flat().filter((a) => a?.family === "IPv4" && !a.internal).map((a) => a!.address);
    if (addresses.length === 0) {
      await expect(owner.getByText("Phones can't open this link.")).toBeVisible(); // a machine without a network
    } else {
      await expect(link).toHaveText(new RegExp(`^http://(${addresses.join("|").replaceAll(".", "\\.")}):${lan.port}/p/${poll.slug}$`));
      await expect(owner.getByText("Phones can't open this link.")).toHaveCount(0);
    }
    await context.close();
  } finally {
    await lan.dispose();
  }
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  return (await streamBytes(stream)).toString("utf8");
}
