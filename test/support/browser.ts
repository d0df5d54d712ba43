import http from "node:http";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "../../server/routers/appRouter";

/**
 * A browser as far as the API can tell: a tRPC client with its own cookie jar. Cookies the server sets
 * (voter identity, owner session) come back on later requests, as they would from a phone.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly api;
  private readonly agent: http.Agent;

  /** `fromAddress`: a loopback address (127.x.y.z) to connect from, so a test can play diners on many networks. */
  constructor(
    readonly baseUrl: string,
    fromAddress?: string,
  ) {
    this.agent = sharedAgent(fromAddress);
    this.api = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${baseUrl}/api/trpc`, fetch: (input, init) => this.fetch(String(input), init) })],
    });
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await request(url, { method: init.method ?? "GET", headers, body: init.body as string | undefined, signal: init.signal ?? undefined }, this.agent);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

type Outgoing = { method: string; headers: Headers; body?: string; signal?: AbortSignal };

/**
 * One request over node:http with a keep-alive agent, answered as a fetch Response. Not the global fetch: its
 * undici machinery cost ~630 µs of CPU per request against ~300 µs here (measured), and the 10,000-voter contract
 * tests run their clients in the same process as the server they load.
 */
function request(url: string, outgoing: Outgoing, agent: http.Agent, retried = false): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: outgoing.method, headers: Object.fromEntries(outgoing.headers), agent, signal: outgoing.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) for (const one of [value ?? []].flat()) headers.append(name, one);
        const status = res.statusCode ?? 500;
        resolve(new Response([101, 204, 205, 304].includes(status) ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers }));
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed just as this request went out: nothing reached the server, so once more
      // on a fresh socket (the pattern node's http documentation gives for `reusedSocket`).
      if (req.reusedSocket && error.code === "ECONNRESET" && !retried) resolve(request(url, outgoing, agent, true));
      else reject(error);
    });
    req.end(outgoing.body);
  });
}

/** One keep-alive agent per address to connect from: the agent's own options carry `localAddress` to its sockets. */
const agents = new Map<string, http.Agent>();
function sharedAgent(localAddress = ""): http.Agent {
  let agent = agents.get(localAddress);
  if (!agent) agents.set(localAddress, (agent = new http.Agent({ keepAlive: true, localAddress: localAddress || undefined })));
  return agent;
}
