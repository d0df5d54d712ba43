import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { socketKeepAlive } from "./socketKeepAlive";

const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    server.close();
  }
});

async function serverWithKeepAlive(intervalMs: number) {
  const keepAlive = socketKeepAlive(intervalMs);
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  servers.push(server);
  server.on("connection", (ws) => keepAlive.watch(ws));
  await new Promise((resolve) => server.once("listening", resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closed = (ws: WebSocket) => new Promise<void>((resolve) => ws.once("close", () => resolve()));
const open = (ws: WebSocket) => new Promise<void>((resolve) => ws.once("open", () => resolve()));

describe("socketKeepAlive", () => {
  it("cuts off a peer that does not answer its pings and keeps one that does", async () => {
    const url = await serverWithKeepAlive(200);
    const answering = new WebSocket(url);
    const silent = new WebSocket(url, { autoPong: false });
    let answeringClosed = false;
    answering.once("close", () => (answeringClosed = true));
    await Promise.all([open(answering), open(silent)]);
    const started = performance.now();
    await closed(silent);
    expect(performance.now() - started).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 600)); // three more rounds of pings
    expect(answeringClosed).toBe(false);
    answering.close();
  });
});
