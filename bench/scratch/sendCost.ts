import { createServer } from "node:http";
import { fork } from "node:child_process";
import { WebSocketServer, WebSocket } from "ws";

if (process.argv[2] === "client") {
  const url = process.argv[3]; const n = Number(process.argv[4]);
  let got = 0; const socks: WebSocket[] = [];
  for (let i = 0; i < n; i++) { const ws = new WebSocket(url, { perMessageDeflate: false }); ws.on("message", (d: Buffer) => { JSON.parse(d.toString()); got++; }); socks.push(ws); }
  setInterval(() => process.send?.(got), 1000);
} else {
  const N = 5000;
  const server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  const clients: WebSocket[] = [];
  wss.on("connection", (ws) => clients.push(ws));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const kids = [0, 1].map(() => fork(new URL(import.meta.url).pathname, ["client", `ws://127.0.0.1:${port}`, String(N / 2)], { execArgv: ["--import", "tsx"] }));
  while (clients.length < N) await new Promise((r) => setTimeout(r, 100));
  const payload = Buffer.from(JSON.stringify({ id: 1, result: { type: "data", id: "123:open", data: { status: "open", results: { seq: 123, total: 5000, options: [{ id: "a", count: 1000 }, { id: "b", count: 2000 }, { id: "c", count: 2000 }] } } } }));
  const header = Buffer.from([0x81, 126, payload.length >> 8, payload.length & 255]);
  const framed = Buffer.concat([header, payload]);
  const modes: Record<string, (ws: WebSocket) => void> = {
    wsSend: (ws) => ws.send(payload, { binary: false }),
    rawWrite: (ws) => (ws as unknown as { _socket: import("node:net").Socket })._socket.write(framed),
  };
  for (const round of [1, 2]) for (const [name, send] of Object.entries(modes)) {
    const cpu0 = process.cpuUsage(); const t0 = performance.now();
    for (let k = 0; k < 20; k++) {
      for (const ws of clients) send(ws);
      await new Promise((r) => setImmediate(r));
    }
    const cpu = process.cpuUsage(cpu0); const wall = performance.now() - t0;
    console.log(round, name, "µs/msg cpu", ((cpu.user + cpu.system) / (20 * N)).toFixed(1), "sys", (cpu.system / (20 * N)).toFixed(1), "wall ms/fanout", (wall / 20).toFixed(1));
    await new Promise((r) => setTimeout(r, 1000));
  }
  for (const k of kids) k.kill();
  process.exit(0);
}
