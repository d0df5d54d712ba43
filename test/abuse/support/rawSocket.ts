import { WebSocket } from "ws";

export type Frame = { id?: number | string | null; result?: { type: string; data?: unknown }; error?: { message: string; data?: { code?: string } } };

/**
 * A WebSocket to the tRPC endpoint spoken by hand, as an attacker's script would: any headers (Origin, cookies),
 * any frames (batches as JSON arrays), and no reading at all when `paused`.
 */
export class RawSocket {
  readonly frames: Frame[] = [];
  closeCode: number | null = null;
  private nextId = 1;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const text = data.toString();
      if (text !== "PING" && text !== "PONG") this.frames.push(JSON.parse(text) as Frame);
    });
    ws.on("close", (code) => (this.closeCode = code));
  }

  /** Opens the socket; rejects with the HTTP status when the upgrade is refused. */
  static open(baseUrl: string, headers: Record<string, string> = {}, path = "/api/trpc", localAddress?: string): Promise<RawSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}${path}`, { headers, localAddress, handshakeTimeout: 3_000 });
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(new RawSocket(ws)));
      ws.once("unexpected-response", (_req, res) => {
        reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
        ws.terminate();
      });
      ws.once("error", reject);
    });
  }

  call(method: "query" | "mutation" | "subscription", path: string, input?: unknown): number {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params: { path, input } }));
    return id;
  }

  stop(id: number): void {
    this.ws.send(JSON.stringify({ id, method: "subscription.stop" }));
  }

  /** The frames answering call `id`, once one matches `until`. */
  async answer(id: number | null, until: (frame: Frame) => boolean = () => true, timeoutMs = 5_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => f.id === id && until(f));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no answer to ${id}; frames: ${JSON.stringify(this.frames.slice(-3))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async closed(timeoutMs = 5_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === null) {
      if (Date.now() > deadline) throw new Error("the socket stayed open");
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.closeCode;
  }

  close(): void {
    this.ws.terminate();
  }
}

/** The upgrade's HTTP status, or 101 when it was accepted. */
export async function upgradeStatus(baseUrl: string, headers: Record<string, string> = {}, path = "/api/trpc"): Promise<number> {
  try {
    const socket = await RawSocket.open(baseUrl, headers, path);
    socket.close();
    return 101;
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
}
